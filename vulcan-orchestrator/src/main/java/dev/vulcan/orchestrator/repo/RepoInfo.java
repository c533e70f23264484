package dev.vulcan.orchestrator.repo;

import dev.vulcan.core.envelope.Commits;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * The repository identity resolved before any tool runs (architecture proposal 2.6).
 *
 * @param repoPath the absolute directory the tools read (work tree, workspace clone or plain directory)
 * @param repoId the deterministic repository id: from the remote URL when there is one, else from the path
 * @param name a human-readable name (last segment of the path or URL, without {@code .git})
 * @param remoteUrl the URL the repository is known by (the source URL, or the origin remote), or null
 * @param branch the branch analyzed ({@code detached} when none applies)
 * @param commit the full 40-hex commit SHA analyzed, never {@code HEAD}
 * @param checkout how {@code repoPath} was obtained
 */
public record RepoInfo(Path repoPath, UUID repoId, String name, String remoteUrl, String branch, String commit,
        Checkout checkout) {

    /**
     * Creates the identity.
     *
     * @throws IllegalArgumentException if the path is not absolute, the branch or name is blank, or the commit
     *     is not a full SHA
     */
    public RepoInfo {
        Objects.requireNonNull(repoPath, "repoPath");
        if (!repoPath.isAbsolute()) {
            throw new IllegalArgumentException("repoPath must be absolute: " + repoPath);
        }
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(branch, "branch");
        if (name.isBlank() || branch.isBlank()) {
            throw new IllegalArgumentException("name and branch must not be blank");
        }
        Commits.requireFullSha(commit);
        Objects.requireNonNull(checkout, "checkout");
    }
}
