package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.FailureReason;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;

/**
 * The first step of a {@link RepoScanner}: a local working tree for a fleet target. A URL is cloned with JGit
 * (shallow, depth 1, default branch, no submodules; JGit runs no hooks on clone), every network wait bounded by a
 * transport timeout (so a stalled server fails the clone rather than holding a scan thread past the batch's
 * per-repo timeout); a path is checked to be a readable directory and used in place. Failures carry the failure
 * reason of the repo's ping.
 */
public final class RepoCheckout {

    /** The default bound on a clone's network waits (connecting, and each wait for more data). */
    public static final Duration TRANSPORT_TIMEOUT = Duration.ofSeconds(60);

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
        return checkout(repo, cloneDir, TRANSPORT_TIMEOUT);
    }

    /**
     * Returns a working tree for a target, with a given bound on every network wait of a clone.
     *
     * @param repo the target
     * @param cloneDir where a URL target is cloned (must not exist or be empty); unused for a path target
     * @param transportTimeout the longest a clone waits for the remote to connect or to send more data, at least
     *     one second (JGit's transport timeout): a stalled server fails the clone instead of holding it
     * @return the working tree
     * @throws RepoScanException {@code clone_failed} when a URL cannot be cloned (in time), {@code unreadable_repo}
     *     when a path is not a readable directory
     * @throws InterruptedException if interrupted while cloning
     * @throws IllegalArgumentException if the timeout is shorter than one second
     */
    public static Path checkout(RepoTarget repo, Path cloneDir, Duration transportTimeout)
            throws RepoScanException, InterruptedException {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(cloneDir, "cloneDir");
        Objects.requireNonNull(transportTimeout, "transportTimeout");
        if (transportTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("transportTimeout must be at least one second, got " + transportTimeout);
        }
        if (!repo.url()) {
            Path dir = repo.path();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(dir)) {
                throw new RepoScanException(FailureReason.UNREADABLE_REPO, dir + ": not a readable directory", null);
            }
            return dir;
        }
        int seconds = (int) Math.min(Integer.MAX_VALUE, transportTimeout.toSeconds());
        try (Git git = Git.cloneRepository().setURI(repo.input()).setDirectory(cloneDir.toFile()).setDepth(1)
                .setCloneSubmodules(false).setCloneAllBranches(false).setTimeout(seconds).call()) {
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
