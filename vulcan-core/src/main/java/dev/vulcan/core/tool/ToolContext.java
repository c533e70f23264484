package dev.vulcan.core.tool;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.Commits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validated inputs of one tool execution (architecture proposal 2.3), with the commit already resolved to
 * a full SHA.
 *
 * @param toolName the tool being run
 * @param repoPath the absolute repository root
 * @param branch the branch analyzed
 * @param commit the full commit SHA analyzed
 * @param runId the collection run
 * @param repoId the repository id
 * @param remoteUrl the remote URL, or null
 * @param outputPath the run's output root; the tool's artifacts go to {@code outputPath/toolName}
 * @param toolSpecific the tool-specific parameters (an empty object when none)
 * @param deadline when the tool must stop, or null for no deadline
 */
public record ToolContext(
        String toolName,
        Path repoPath,
        String branch,
        String commit,
        UUID runId,
        UUID repoId,
        String remoteUrl,
        Path outputPath,
        ObjectNode toolSpecific,
        Instant deadline) {

    /**
     * Creates a context.
     *
     * @throws IllegalArgumentException if the commit is not a full SHA or a path is not absolute
     */
    public ToolContext {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(repoPath, "repoPath");
        Objects.requireNonNull(branch, "branch");
        Commits.requireFullSha(commit);
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(outputPath, "outputPath");
        if (!repoPath.isAbsolute() || !outputPath.isAbsolute()) {
            throw new IllegalArgumentException("repo and output paths must be absolute");
        }
        toolSpecific = Objects.requireNonNull(toolSpecific, "toolSpecific").deepCopy();
    }

    /**
     * Returns a copy of the tool-specific parameters.
     *
     * @return a fresh copy
     */
    @Override
    public ObjectNode toolSpecific() {
        return toolSpecific.deepCopy();
    }

    /**
     * Returns the folder for this tool's debug logs, {@code {output}/{tool}/logs} (not created).
     *
     * @return the logs folder
     */
    public Path logsDir() {
        return ArtifactIo.toolDir(outputPath, toolName).resolve(ArtifactIo.LOGS_DIR);
    }

    /**
     * Stops the analysis when the thread was interrupted or the deadline has passed.
     *
     * @throws CancellationException when the tool must stop
     */
    public void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(toolName + " was cancelled");
        }
        if (deadline != null && Instant.now().isAfter(deadline)) {
            throw new CancellationException(toolName + " passed its deadline");
        }
    }
}
