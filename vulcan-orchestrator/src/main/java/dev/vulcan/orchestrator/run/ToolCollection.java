package dev.vulcan.orchestrator.run;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.exec.DockerBackend;
import dev.vulcan.orchestrator.exec.ExecutionBackend;
import dev.vulcan.orchestrator.exec.LocalBackend;
import dev.vulcan.orchestrator.exec.ProcessBackend;
import dev.vulcan.orchestrator.exec.ToolTask;
import dev.vulcan.orchestrator.exec.internal.FileMoves;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.repo.RepoInfo;
import dev.vulcan.orchestrator.repo.RepoResolver;
import dev.vulcan.orchestrator.repo.RepoSource;
import dev.vulcan.orchestrator.run.internal.ForwardingRunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tool side of a run, without the source of truth: selects the tools, resolves the repository, and runs
 * the phases on the chosen backend into {@code <output>/runs/<run_id>/}. Scratch files (clones, staging of the
 * local backend) go to {@code <output>/work/<run_id>/}, removed at the end unless asked to keep them.
 */
public final class ToolCollection {

    /** The folder of run outputs under the data folder. */
    public static final String RUNS_DIR = "runs";
    /** The folder of scratch files under the data folder. */
    public static final String WORK_DIR = "work";

    private final ToolRegistry registry;
    private final RunListener listener;

    /**
     * Creates the collection step.
     *
     * @param registry the tools available
     * @param listener progress receiver
     */
    public ToolCollection(ToolRegistry registry, RunListener listener) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Selects the tools of a request.
     *
     * @param request the request
     * @return the selection
     * @throws dev.vulcan.orchestrator.registry.UnknownToolException if a tool name is unknown
     */
    public ToolSelection select(AnalyzeRequest request) {
        return registry.select(request.tools());
    }

    /**
     * Resolves the repository of a request for a run.
     *
     * @param request the request
     * @param runId the run
     * @return the repository
     * @throws dev.vulcan.orchestrator.repo.RepoResolutionException if it cannot be resolved or cloned
     */
    public RepoInfo resolve(AnalyzeRequest request, UUID runId) {
        listener.stepStarted("resolve", request.source());
        RepoInfo repo = new RepoResolver(workDir(request, runId).resolve("workspace"))
                .resolve(RepoSource.parse(request.source()), request.branch(), request.commit());
        if (repo.checkout() != dev.vulcan.orchestrator.repo.Checkout.CLONED
                && request.outputRoot().startsWith(repo.repoPath())) {
            listener.warning("the output folder " + request.outputRoot() + " is inside the analyzed directory "
                    + repo.repoPath() + ": its files are analyzed too unless git ignores them (choose --output outside"
                    + " the repository, or add it to .gitignore)");
        }
        return repo;
    }

    /**
     * Runs a whole collection: select, resolve, run the phases.
     *
     * @param request the request
     * @return the outcomes
     * @throws dev.vulcan.orchestrator.registry.UnknownToolException if a tool name is unknown
     * @throws dev.vulcan.orchestrator.repo.RepoResolutionException if the repository cannot be resolved
     */
    public CollectionResult collect(AnalyzeRequest request) {
        ToolSelection selection = select(request);
        UUID runId = dev.vulcan.core.ids.CanonicalIds.newRunId();
        long start = System.nanoTime();
        try {
            RepoInfo repo = resolve(request, runId);
            double resolveSeconds = (System.nanoTime() - start) / 1e9;
            return runTools(request, selection, runId, repo, resolveSeconds);
        } finally {
            cleanUp(request, runId);
        }
    }

    /**
     * Runs the selected tools on a resolved repository.
     *
     * @param request the request
     * @param selection the tools
     * @param runId the run
     * @param repo the repository
     * @param resolveSeconds time spent resolving, for the result
     * @return the outcomes
     */
    public CollectionResult runTools(AnalyzeRequest request, ToolSelection selection, UUID runId, RepoInfo repo,
            double resolveSeconds) {
        Path runDir = runDir(request, runId);
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + runDir, e);
        }
        ExecutionBackend backend = backend(request, runId);
        Map<Integer, Double> phaseSeconds = new ConcurrentSkipListMap<>();
        RunListener timing = new ForwardingRunListener(listener) {
            @Override
            public void phaseFinished(int phase, double seconds) {
                phaseSeconds.put(phase, seconds);
                super.phaseFinished(phase, seconds);
            }
        };
        ToolScheduler scheduler = new ToolScheduler(backend, request.parallel(), timing);
        long start = System.nanoTime();
        List<ToolOutcome> outcomes = scheduler.run(selection, registry::missingDependencies,
                tool -> task(tool, request, runId, repo, runDir));
        return new CollectionResult(runId, repo, runDir, selection, outcomes, resolveSeconds,
                (System.nanoTime() - start) / 1e9, phaseSeconds);
    }

    /**
     * Removes the scratch folder of a run unless the request keeps it; failures to delete are ignored (the
     * folder is scratch).
     *
     * @param request the request
     * @param runId the run
     */
    public void cleanUp(AnalyzeRequest request, UUID runId) {
        if (request.keepWorkspace()) {
            return;
        }
        try {
            FileMoves.deleteTree(workDir(request, runId));
        } catch (IOException | RuntimeException e) {
            // Scratch only; a leftover folder is harmless and reported by nothing else.
        }
    }

    /**
     * Returns the output root of a run.
     *
     * @param request the request
     * @param runId the run
     * @return {@code <output>/runs/<run_id>}
     */
    public static Path runDir(AnalyzeRequest request, UUID runId) {
        return request.outputRoot().resolve(RUNS_DIR).resolve(runId.toString());
    }

    /**
     * Returns the scratch folder of a run.
     *
     * @param request the request
     * @param runId the run
     * @return {@code <output>/work/<run_id>}
     */
    public static Path workDir(AnalyzeRequest request, UUID runId) {
        return request.outputRoot().resolve(WORK_DIR).resolve(runId.toString());
    }

    private ExecutionBackend backend(AnalyzeRequest request, UUID runId) {
        return switch (request.mode()) {
            case LOCAL -> new LocalBackend(workDir(request, runId).resolve("staging"));
            case PROCESS -> ProcessBackend.forCurrentJvm(request.processHeapMb());
            case DOCKER -> new DockerBackend("docker", request.dockerImage(), request.dockerMemoryMb(),
                    request.dockerCpus(), currentUser(request.outputRoot()));
        };
    }

    private static ToolTask task(Tool tool, AnalyzeRequest request, UUID runId, RepoInfo repo, Path runDir) {
        Duration timeout = Duration.ofMillis(Math.max(1,
                Math.round(tool.descriptor().timeout().toMillis() * request.timeoutScale())));
        ToolContext context = new ToolContext(tool.descriptor().name(), repo.repoPath(), repo.branch(), repo.commit(),
                runId, repo.repoId(), repo.remoteUrl(), runDir, Json.object(), Instant.now().plus(timeout));
        try {
            Files.createDirectories(ArtifactIo.toolDir(runDir, tool.descriptor().name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + tool.descriptor().name(), e);
        }
        return new ToolTask(tool, context, timeout);
    }

    private static String currentUser(Path outputRoot) {
        try {
            Files.createDirectories(outputRoot);
            Object uid = Files.getAttribute(outputRoot, "unix:uid");
            Object gid = Files.getAttribute(outputRoot, "unix:gid");
            return uid + ":" + gid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
