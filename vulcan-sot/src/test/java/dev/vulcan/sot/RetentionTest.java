package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.sot.retention.ArchivedTable;
import dev.vulcan.sot.retention.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path tmp;

    @Test
    void archives_landing_rows_of_runs_past_the_ttl_to_parquet_and_keeps_the_marts() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        Path cold = tmp.resolve("cold");
        Instant completed = Instant.parse("2026-11-01T00:00:00Z");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.startRun(run.runId, run.repoId, "main", TestRun.COMMIT, completed.minusSeconds(60));
            sot.importRun(run.request(false));
            sot.buildModels(run.runId);
            sot.completeRun(run.runId, CollectionRunStatus.COMPLETED, completed);
            RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(7), cold);

            assertThat(sot.applyRetention(policy, completed.plus(Duration.ofDays(6)))).isEmpty();
            List<ArchivedTable> archived = sot.applyRetention(policy, completed.plus(Duration.ofDays(8)));

            assertThat(archived).extracting(ArchivedTable::table, ArchivedTable::rows).containsExactly(
                    org.assertj.core.api.Assertions.tuple("lz_layout_files", 5L),
                    org.assertj.core.api.Assertions.tuple("lz_layout_directories", 4L),
                    org.assertj.core.api.Assertions.tuple("tool_loc_files", 4L),
                    org.assertj.core.api.Assertions.tuple("tool_loc_summary", 1L),
                    org.assertj.core.api.Assertions.tuple("tool_loc_languages", 2L));
            Path files = cold.resolve(run.repoId + "/" + run.runId + "/layout-scanner/" + TestRun.COMMIT
                    + "/lz_layout_files.parquet");
            assertThat(files).isRegularFile();
            assertThat(sot.query("SELECT count(*) AS n FROM read_parquet(?)", files.toString()).get(0).get("n"))
                    .isEqualTo(5L);
            assertThat(sot.query("SELECT count(*) AS n FROM lz_layout_files").get(0).get("n")).isEqualTo(0L);
            assertThat(sot.query("SELECT count(*) AS n FROM file_metrics WHERE run_id = ?", run.runId).get(0).get("n"))
                    .isEqualTo(5L);
            assertThat(sot.query("SELECT count(*) AS n FROM sot_retention_log").get(0).get("n")).isEqualTo(5L);
            assertThat(sot.applyRetention(policy, completed.plus(Duration.ofDays(9)))).isEmpty();
            assertThat(Files.exists(files)).isTrue();
        }
    }
}
