package dev.vulcan.orchestrator.run;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The timings of a run, written to {@code <run dir>/run-timings.json} (outside every tool folder, so the source
 * of truth ignores it) for the bench script: wall time per step, per phase and per tool, the slowest path
 * through the tools, and the orchestrator's overhead = total − slowest path (everything that is not the tools
 * themselves: resolving, scheduling, collecting, validating, importing, models, flags). The import is pipelined:
 * {@code steps_seconds.import} is what remained of it after the tools, {@code steps_seconds.import_work} all of
 * its work (landing beside the tools included), so steps do not add up to the total. {@code steps_seconds.close}
 * closes the run record and the database (DuckDB then checkpoints what the models wrote), so the total is the
 * whole run but the JVM's start and exit.
 */
public final class RunTimings {

    /** The file name under the run folder. */
    public static final String FILE = "run-timings.json";

    private RunTimings() {
    }

    /**
     * Returns the orchestrator's overhead of a result.
     *
     * @param result the result
     * @return total seconds minus the slowest path through the tools, at least 0
     */
    public static double overheadSeconds(AnalyzeResult result) {
        double total = result.stepSeconds().getOrDefault("total", 0.0);
        return Math.max(0, total - result.collection().slowestPathSeconds());
    }

    /**
     * Builds the JSON form.
     *
     * @param result the result
     * @param mode the execution mode code
     * @return the timings
     */
    public static ObjectNode toJson(AnalyzeResult result, String mode) {
        Objects.requireNonNull(result, "result");
        ObjectNode node = Json.object();
        node.put("run_id", result.collection().runId().toString());
        node.put("mode", mode);
        ObjectNode steps = node.putObject("steps_seconds");
        result.stepSeconds().forEach(steps::put);
        ObjectNode phases = node.putObject("phases_seconds");
        for (Map.Entry<Integer, Double> phase : result.collection().phaseSeconds().entrySet()) {
            phases.put(Integer.toString(phase.getKey()), phase.getValue());
        }
        ObjectNode tools = node.putObject("tools");
        for (ToolOutcome o : result.collection().outcomes()) {
            ObjectNode tool = tools.putObject(o.toolName());
            tool.put("phase", o.phase());
            tool.put("status", o.status().code());
            tool.put("seconds", o.durationSeconds());
        }
        double slowest = result.collection().slowestPathSeconds();
        double overhead = overheadSeconds(result);
        node.put("slowest_tool_path_seconds", slowest);
        node.put("orchestrator_overhead_seconds", overhead);
        if (slowest > 0) {
            node.put("overhead_share_of_tools", overhead / slowest);
        } else {
            node.putNull("overhead_share_of_tools");
        }
        return node;
    }

    /**
     * Writes {@code run-timings.json} into the run folder.
     *
     * @param result the result
     * @param mode the execution mode code
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(AnalyzeResult result, String mode) throws IOException {
        Path file = result.collection().runDir().resolve(FILE);
        ArtifactIo.writeAtomically(file, Json.toBytes(toJson(result, mode)));
        return file;
    }
}
