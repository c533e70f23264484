package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.FailureReason;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;

/**
 * The first step of a {@link RepoScanner}: a local working tree for a fleet target. A URL is cloned with JGit
 * (shallow, depth 1, default branch, no submodules; JGit runs no hooks on clone); a path is checked to be a
 * readable directory and used in place. Failures carry the failure reason of the repo's ping.
 */
public final class RepoCheckout {

    private RepoCheckout() {
    }

    /**
     * Returns a working tree for a target.
     *
     * @param repo the target
     * @param cloneDir where a URL target is cloned (must not exist or be empty); unused for a path target
     * @return the working tree
     * @throws RepoScanException {@code clone_failed} when a URL cannot be cloned, {@code unreadable_repo} when a
     *     path is not a readable directory
     * @throws InterruptedException if interrupted while cloning
     */
    public static Path checkout(RepoTarget repo, Path cloneDir) throws RepoScanException, InterruptedException {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cloneDir, "cloneDir");
        if (!repo.url()) {
            Path dir = repo.path();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(dir)) {
                throw new RepoScanException(FailureReason.UNREADABLE_REPO, dir + ": not a readable directory", null);
            }
            return dir;
        }
        try (Git git = Git.cloneRepository().setURI(repo.input()).setDirectory(cloneDir.toFile()).setDepth(1)
                .setCloneSubmodules(false).setCloneAllBranches(false).call()) {
            return git.getRepository().getWorkTree().toPath();
        } catch (GitAPIException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("clone interrupted");
            }
            throw new RepoScanException(FailureReason.CLONE_FAILED, "cannot clone the repository: "
                    + (e instanceof TransportException ? "transport error" : e.getClass().getSimpleName()), e);
        }
    }
}
