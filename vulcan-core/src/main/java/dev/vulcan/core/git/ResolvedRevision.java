package dev.vulcan.core.git;

import dev.vulcan.core.envelope.Commits;
import java.util.Objects;

/**
 * A branch name and the full commit SHA it was resolved to.
 *
 * @param branch the branch, or {@value GitRevisions#DETACHED} for a detached HEAD
 * @param commit the full 40-hex SHA
 * @param remoteUrl the {@code origin} remote URL, or null when the repository has none
 */
public record ResolvedRevision(String branch, String commit, String remoteUrl) {

    /**
     * Creates a revision.
     *
     * @throws IllegalArgumentException if the commit is not a full SHA or the branch is blank
     */
    public ResolvedRevision {
        Objects.requireNonNull(branch, "branch");
        if (branch.isBlank()) {
            throw new IllegalArgumentException("branch is blank");
        }
        Commits.requireFullSha(commit);
    }
}
