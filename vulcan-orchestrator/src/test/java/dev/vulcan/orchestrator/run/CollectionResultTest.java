package dev.vulcan.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.repo.Checkout;
import dev.vulcan.orchestrator.repo.RepoInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectionResultTest {

    private static ToolOutcome outcome(String name, int phase, ToolRunStatus status, double seconds) {
        return new ToolOutcome(name, phase, status, status.isSuccess() ? null : "because", null, seconds, 0, 0);
    }

    private static CollectionResult result(List<ToolOutcome> outcomes) {
        RepoInfo repo = new RepoInfo(Path.of("/r"), UUID.randomUUID(), "r", null, "main", "c".repeat(40), Checkout.IN_PLACE);
        return new CollectionResult(UUID.randomUUID(), repo, Path.of("/o"), new ToolSelection(List.of(), Set.of()),
                outcomes, 0.1, 9.0, Map.of(0, 2.0, 1, 5.0));
    }

    @Test
    void the_slowest_path_is_the_longest_tool_of_each_phase_summed() {
        CollectionResult result = result(List.of(outcome("a", 0, ToolRunStatus.SUCCEEDED, 2.0),
                outcome("b", 1, ToolRunStatus.SUCCEEDED, 4.5), outcome("c", 1, ToolRunStatus.FAILED, 1.0),
                outcome("d", 2, ToolRunStatus.SKIPPED, 0)));
        assertThat(result.slowestPathSeconds()).isEqualTo(6.5);
        assertThat(result.allToolsSucceeded()).isFalse();
        assertThat(result.outcome("c").reason()).isEqualTo("because");
        assertThatThrownBy(() -> result.outcome("zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_outcome_that_did_not_succeed_needs_a_reason() {
        assertThatThrownBy(() -> new ToolOutcome("a", 1, ToolRunStatus.TIMED_OUT, null, null, 1, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timed_out outcome needs a reason");
        for (ToolRunStatus status : ToolRunStatus.values()) {
            assertThat(ToolRunStatus.fromCode(status.code())).isEqualTo(status);
        }
        for (AnalyzeStatus status : AnalyzeStatus.values()) {
            assertThat(AnalyzeStatus.fromCode(status.code())).isEqualTo(status);
        }
    }
}
