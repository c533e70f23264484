package dev.vulcan.orchestrator.fleet;

import dev.vulcan.core.git.GitResolutionException;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.git.ResolvedRevision;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.exec.ProcessBackend;
import dev.vulcan.orchestrator.exec.ToolTask;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.repo.internal.ContentHash;
import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.fleet.RepoCheckout;
import dev.vulcan.telemetry.fleet.RepoScanException;
import dev.vulcan.telemetry.fleet.RepoScanner;
import dev.vulcan.telemetry.fleet.RepoTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The fleet batch's {@link RepoScanner}: {@link RepoCheckout#checkout} (shallow clone of a URL into
 * {@code outputRoot/checkout}, or a path used in place), then the {@value #TOOL} tool, found through the
 * orchestrator's {@link ToolRegistry} (Tool SPI), in a <b>child JVM</b> built by the {@link ProcessBackend}
 * ({@code ToolProcessMain agent-scanner --repo-path ... --output-path outputRoot ...}). One child per repo: a hang
 * or crash of one repo's scan is confined to its process, and an interrupt (the batch's per-repo timeout) kills it
 * and its descendants. The child's stdout/stderr go to {@code outputRoot/logs/} (deleted with the work folder).
 *
 * <p>Revision: a git work tree is scanned at its HEAD; a plain directory (or a repository without commits) at
 * its content hash, like {@code vulcan analyze}. The run id is fresh, the repo id is
 * {@link CanonicalIds#repoIdFromRemote} of a URL, else {@link CanonicalIds#repoIdFromPath}; neither reaches a
 * ping.
 */
public final class AgentScannerRepoScanner implements RepoScanner {

    /** The tool that produces the artifact a ping is built from. */
    public static final String TOOL = "agent-scanner";

    private final Tool tool;
    private final ProcessBackend backend;
    private final Duration childTimeout;

    /**
     * Creates the scanner.
     *
     * @param registry the tool registry (must hold {@value #TOOL})
     * @param backend builds the child's command line
     * @param childTimeout a hard limit for one child, a safety net behind the batch's own per-repo timeout
     * @throws IllegalArgumentException if the registry has no {@value #TOOL} tool or the timeout is not positive
     */
    public AgentScannerRepoScanner(ToolRegistry registry, ProcessBackend backend, Duration childTimeout) {
        Objects.requireNonNull(registry, "registry");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.childTimeout = Objects.requireNonNull(childTimeout, "childTimeout");
        if (childTimeout.isZero() || childTimeout.isNegative()) {
            throw new IllegalArgumentException("child timeout must be positive, got " + childTimeout);
        }
        this.tool = registry.find(TOOL).orElseThrow(() -> new IllegalArgumentException(
                "the " + TOOL + " tool is not installed (known tools: " + registry.names() + ")"));
    }

    @Override
    public void scan(RepoTarget repo, Path outputRoot) throws RepoScanException, InterruptedException, IOException {
        Objects.requireNonNull(repo, "repo");
        Path root = outputRoot.toAbsolutePath().normalize();
        Path tree = RepoCheckout.checkout(repo, root.resolve("checkout")).toAbsolutePath().normalize();
        Revision revision = revision(tree);
        UUID repoId = repo.url() ? CanonicalIds.repoIdFromRemote(repo.input()) : CanonicalIds.repoIdFromPath(tree);
        ToolContext context = new ToolContext(TOOL, tree, revision.branch(), revision.commit(),
                CanonicalIds.newRunId(), repoId, null, root, Json.object(), null);
        List<String> command = backend.command(new ToolTask(tool, context, childTimeout));
        Path logs = Files.createDirectories(root.resolve("logs"));
        Process child = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(logs.resolve(ProcessBackend.STDOUT_LOG).toFile())
                .redirectError(logs.resolve(ProcessBackend.STDERR_LOG).toFile())
                .start();
        boolean finished;
        try {
            finished = child.waitFor(childTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(child);
            throw e;
        }
        if (!finished) {
            kill(child);
            throw new RepoScanException(FailureReason.TIMEOUT, TOOL + " child exceeded " + childTimeout, null);
        }
        if (child.exitValue() != 0 && !Files.isRegularFile(root.resolve(TOOL).resolve("metadata.json"))) {
            throw new RepoScanException(FailureReason.CRASH, TOOL + " child exited with status "
                    + child.exitValue() + " and wrote no metadata", null);
        }
    }

    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }

    private static Revision revision(Path tree) throws RepoScanException, IOException {
        if (GitRevisions.isRepository(tree)) {
            try {
                ResolvedRevision r = GitRevisions.resolve(tree, null, null);
                return new Revision(r.branch(), r.commit());
            } catch (GitResolutionException e) {
                // A repository without any commit: scanned as a plain directory.
                if (!Files.isDirectory(tree.resolve(".git"))) {
                    throw new RepoScanException(FailureReason.UNREADABLE_REPO, e.getMessage(), e);
                }
            }
        }
        try {
            return new Revision(GitRevisions.DETACHED, ContentHash.of(tree));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RepoScanException(FailureReason.UNREADABLE_REPO, "cannot read the directory: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private record Revision(String branch, String commit) {
    }
}
