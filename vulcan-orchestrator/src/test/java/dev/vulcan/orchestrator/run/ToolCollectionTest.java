package dev.vulcan.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.repo.Checkout;
import dev.vulcan.orchestrator.testtools.Tools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCollectionTest {

    @TempDir
    Path tmp;

    @Test
    void collects_a_cloned_url_into_the_run_folder_and_removes_the_scratch_folder() throws Exception {
        Path origin = tmp.resolve("origin");
        String head;
        try (Git git = TestRepos.init(origin, "main", Map.of("a.txt", "a", "b.txt", "b", "c/d.txt", "d"))) {
            head = git.getRepository().resolve(Constants.HEAD).name();
        }
        String url = origin.toUri().toString();
        AnalyzeRequest request = AnalyzeRequest.builder(url, tmp.resolve("data")).tools(List.of("t-size"))
                .parallel(1).build();
        RecordingListener listener = new RecordingListener();

        CollectionResult result = new ToolCollection(ToolRegistryTestAccess.registry(), listener).collect(request);

        assertThat(result.repo().checkout()).isEqualTo(Checkout.CLONED);
        assertThat(result.repo().commit()).isEqualTo(head);
        assertThat(result.repo().repoId()).isEqualTo(CanonicalIds.repoIdFromRemote(url));
        assertThat(result.outcomes()).extracting(ToolOutcome::toolName).containsExactly("t-files", "t-count", "t-size");
        assertThat(result.allToolsSucceeded()).isTrue();
        assertThat(result.outcome("t-size").filesAnalyzed()).isEqualTo(2);
        assertThat(result.phaseSeconds().keySet()).containsExactly(0, 1, 2);
        assertThat(result.runDir()).isEqualTo(tmp.resolve("data/runs").resolve(result.runId().toString()));
        assertThat(ArtifactIo.read(result.runDir().resolve("t-size"), new Tools.Size2().outputSchemaId())
                .envelopeIfAny()).isPresent();
        assertThat(tmp.resolve("data/work").resolve(result.runId().toString())).doesNotExist();
        assertThat(listener.events).first().isEqualTo("phase 0");
    }

    @Test
    void warns_when_the_output_folder_lies_inside_the_analyzed_work_tree() throws Exception {
        Path repo = tmp.resolve("app");
        TestRepos.init(repo, "main", Map.of("a.txt", "a")).close();
        AnalyzeRequest request = AnalyzeRequest.builder(repo.toString(), repo.resolve("vulcan-data"))
                .tools(List.of("t-files")).build();
        RecordingListener listener = new RecordingListener();
        new ToolCollection(ToolRegistryTestAccess.registry(), listener).collect(request);
        assertThat(listener.events).anyMatch(e -> e.startsWith("warning the output folder") && e.contains(".gitignore"));
    }
}
