package dev.vulcan.core.config;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The standard tool inputs (architecture proposal 2.3) as given by one source, CLI or config file; any may be
 * absent (null). {@link #overriding(ToolParameters)} merges sources: CLI over config over defaults.
 *
 * @param repoPath the repository to analyze
 * @param branch the branch to analyze
 * @param commit the commit (SHA, ref or HEAD), resolved to a full SHA before use
 * @param runId the collection run
 * @param repoId the repository id
 * @param outputPath the output root
 */
public record ToolParameters(Path repoPath, String branch, String commit, UUID runId, UUID repoId, Path outputPath) {

    /** No parameter at all. */
    public static final ToolParameters NONE = new ToolParameters(null, null, null, null, null, null);

    /**
     * Returns these parameters, each absent one taken from a lower-priority source.
     *
     * @param lower the lower-priority source
     * @return the merge, this source winning where both give a value
     */
    public ToolParameters overriding(ToolParameters lower) {
        return new ToolParameters(
                repoPath != null ? repoPath : lower.repoPath,
                branch != null ? branch : lower.branch,
                commit != null ? commit : lower.commit,
                runId != null ? runId : lower.runId,
                repoId != null ? repoId : lower.repoId,
                outputPath != null ? outputPath : lower.outputPath);
    }
}
