package dev.vulcan.orchestrator.exec;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One tool to execute: the tool, its inputs and the time it is given.
 *
 * @param tool the tool (run in-process by the local backend; identified by name by the others)
 * @param context the inputs; its output path is the run's output root
 * @param timeout the time limit enforced by the backend
 */
public record ToolTask(Tool tool, ToolContext context, Duration timeout) {

    /**
     * Creates a task.
     *
     * @throws IllegalArgumentException if the context is for another tool or the timeout is not positive
     */
    public ToolTask {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(timeout, "timeout");
        if (!tool.descriptor().name().equals(context.toolName())) {
            throw new IllegalArgumentException("context is for " + context.toolName() + ", not "
                    + tool.descriptor().name());
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Returns the tool name.
     *
     * @return the name
     */
    public String name() {
        return context.toolName();
    }

    /**
     * Returns the tool's artifact folder, {@code {output}/{tool}}.
     *
     * @return the folder
     */
    public Path toolDir() {
        return ArtifactIo.toolDir(context.outputPath(), name());
    }

    /**
     * Returns the tool's log folder, {@code {output}/{tool}/logs}.
     *
     * @return the folder
     */
    public Path logsDir() {
        return toolDir().resolve(ArtifactIo.LOGS_DIR);
    }
}
