package dev.vulcan.orchestrator.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.run.AnalyzeRequest;
import dev.vulcan.orchestrator.run.CollectionResult;
import dev.vulcan.orchestrator.run.RunListener;
import dev.vulcan.orchestrator.run.ToolCollection;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.RunImportRequest;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.SourceOfTruth;
import dev.vulcan.sot.ToolImportResult;
import dev.vulcan.sot.ToolImportStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPipelineTest {

    @TempDir
    Path tmp;

    private CollectionResult run;

    @BeforeEach
    void collectTwoRealTools() throws Exception {
        Path repo = tmp.resolve("repo");
        TestRepos.init(repo, "main", Map.of("README.md", "# r\n", "src/a.py", "def f(x):\n    return x\n")).close();
        AnalyzeRequest request = AnalyzeRequest.builder(repo.toString(), tmp.resolve("data"))
                .tools(List.of("layout-scanner", "loc")).parallel(2).build();
        run = new ToolCollection(ToolRegistry.discover(ImportPipelineTest.class.getClassLoader()), RunListener.NONE)
                .collect(request);
    }

    private RunImportRequest importRequest() {
        return new RunImportRequest(run.runId(), run.repo().repoId(), run.repo().commit(), run.repo().branch(),
                run.runDir(), false);
    }

    @Test
    void tools_collected_before_the_import_begins_land_once_it_begins() {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"));
                ImportPipeline pipeline = new ImportPipeline(run.runDir())) {
            pipeline.toolCollected("layout-scanner");
            pipeline.toolCollected("loc");
            pipeline.toolCollected("a-skipped-tool-without-a-folder");
            pipeline.toolCollected("loc");
            assertThat(pipeline.handedOver()).isEqualTo(2);

            pipeline.begun(sot.beginImport(importRequest()));
            ImportReport report = pipeline.finish();

            assertThat(report.tools()).extracting(ToolImportResult::toolName, ToolImportResult::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("layout-scanner", ToolImportStatus.IMPORTED),
                            org.assertj.core.groups.Tuple.tuple("loc", ToolImportStatus.IMPORTED));
            assertThat(pipeline.workSeconds()).isPositive();
            assertThat(sot.query("SELECT count(*) AS n FROM sot_import_log WHERE run_id = ?", run.runId()).get(0))
                    .containsEntry("n", 2L);
            assertThatThrownBy(pipeline::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void an_import_that_could_not_begin_fails_at_finish_with_its_reason() {
        try (ImportPipeline pipeline = new ImportPipeline(run.runDir())) {
            pipeline.toolCollected("layout-scanner");
            pipeline.beginFailed(new SotException("the database is read-only"));

            assertThatThrownBy(pipeline::finish).isInstanceOf(SotException.class)
                    .hasMessage("the database is read-only");
        }
    }

    @Test
    void closing_an_unfinished_pipeline_abandons_the_import() {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            try (ImportPipeline pipeline = new ImportPipeline(run.runDir())) {
                pipeline.begun(sot.beginImport(importRequest()));
                pipeline.toolCollected("layout-scanner");
            }
            assertThat(sot.query("SELECT current_setting('checkpoint_threshold') AS t").get(0))
                    .containsEntry("t", "16.0 MiB");
            assertThat(sot.query("SELECT count(*) AS n FROM sot_import_log").get(0)).containsEntry("n", 0L);
            assertThat(sot.query("SELECT count(*) AS n FROM lz_tool_runs").get(0)).containsEntry("n", 0L);
        }
    }
}
