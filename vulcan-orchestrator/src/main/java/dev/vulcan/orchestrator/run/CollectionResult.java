package dev.vulcan.orchestrator.run;

import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.repo.RepoInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The tool side of a run: the repository, the tools run and their outcomes, before anything is imported.
 *
 * @param runId the run
 * @param repo the repository analyzed
 * @param runDir the run's output root, {@code <output>/runs/<run_id>}
 * @param selection the tools selected
 * @param outcomes one outcome per selected tool, in the order they ended
 * @param resolveSeconds time spent resolving (and cloning) the repository
 * @param toolsSeconds wall time of all phases
 * @param phaseSeconds wall time per phase, phases ascending
 */
public record CollectionResult(UUID runId, RepoInfo repo, Path runDir, ToolSelection selection,
        List<ToolOutcome> outcomes, double resolveSeconds, double toolsSeconds, Map<Integer, Double> phaseSeconds) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if a component is null
     */
    public CollectionResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(selection, "selection");
        outcomes = List.copyOf(outcomes);
        phaseSeconds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(phaseSeconds));
    }

    /**
     * Returns the slowest path through the tools: per phase, the longest tool, summed over the phases (phases
     * run one after the other, the tools of a phase side by side).
     *
     * @return seconds
     */
    public double slowestPathSeconds() {
        Map<Integer, Double> longest = new java.util.TreeMap<>();
        for (ToolOutcome o : outcomes) {
            longest.merge(o.phase(), o.durationSeconds(), Math::max);
        }
        return longest.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Returns the outcome of a tool.
     *
     * @param toolName the tool
     * @return its outcome
     * @throws IllegalArgumentException if the tool was not selected
     */
    public ToolOutcome outcome(String toolName) {
        return outcomes.stream().filter(o -> o.toolName().equals(toolName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(toolName + " was not part of the run"));
    }

    /**
     * Tells whether every selected tool left a valid artifact.
     *
     * @return true when all outcomes are successes
     */
    public boolean allToolsSucceeded() {
        return outcomes.stream().allMatch(o -> o.status().isSuccess());
    }
}
