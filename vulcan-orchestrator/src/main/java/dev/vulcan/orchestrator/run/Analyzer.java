package dev.vulcan.orchestrator.run;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.orchestrator.exec.internal.FileMoves;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.repo.RepoInfo;
import dev.vulcan.orchestrator.run.internal.ForwardingRunListener;
import dev.vulcan.orchestrator.run.internal.ImportPipeline;
import dev.vulcan.orchestrator.run.internal.SotOpening;
import dev.vulcan.orchestrator.run.internal.ToolsGate;
import dev.vulcan.orchestrator.run.internal.Warmup;
import dev.vulcan.sot.CollectionRun;
import dev.vulcan.sot.CollectionRunStatus;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.RunAlreadyImportedException;
import dev.vulcan.sot.RunImportRequest;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.SourceOfTruth;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.FlagSettings;
import dev.vulcan.sot.models.ModelRunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The main job, {@code vulcan analyze} (architecture proposal 5.1): select the tools, resolve the repository,
 * record the run, run phases 0 → 3 on the chosen backend, then import the artifacts through the source of
 * truth, build its models and data tests, compute the decision flags and close the run record. Tools never see
 * the database; a failing tool is recorded and the run goes on.
 *
 * <p>Once the repository is resolved (a path or URL that cannot be resolved never touches the database), the source
 * of truth is opened on its own thread ({@link SotOpening}: DuckDB's native library and the schema take seconds)
 * while the tools already run; as soon as it is open the
 * run is checked (refused when this commit is already there, unless replacing), recorded as running, and its
 * import begins ({@link SourceOfTruth#beginImport}: the same refusal or purge as a whole-run import). If it
 * cannot be opened or refuses the run, the tools are interrupted ({@link ToolsGate}), their partial run folder is
 * removed and the database's exception is thrown, as if it had happened first.
 *
 * <p>The import is pipelined ({@link ImportPipeline}): each tool's folder lands on a background thread as soon as
 * its artifact is collected, while later tools run; after the last phase the import waits for those, lands any
 * folder left, writes the import log and runs the landing checks. The {@code import} step is the time that remained
 * after the tools (the import's share of the critical path), {@code import_work} the import's whole work (mostly
 * beside the tools).
 *
 * <p>The flags' critical tools are the tools of the run; INCOMPLETE_TOOL_SET is raised when at least
 * {@link AnalyzeRequest#maxMissingCriticalTools()} of them did not land.
 */
public final class Analyzer {

    private final ToolRegistry registry;
    private final RunListener listener;

    /**
     * Creates the job.
     *
     * @param registry the tools available
     * @param listener progress receiver
     */
    public Analyzer(ToolRegistry registry, RunListener listener) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs the whole job.
     *
     * @param request what to analyze and how
     * @return the result (tool failures are part of it, not exceptions)
     * @throws dev.vulcan.orchestrator.registry.UnknownToolException if a tool name is unknown
     * @throws dev.vulcan.orchestrator.repo.RepoResolutionException if the repository cannot be resolved
     * @throws RunAlreadyImportedException if the repository and commit are already in the source of truth and
     *     the request does not replace them
     * @throws SotException if the database cannot be opened
     */
    public AnalyzeResult analyze(AnalyzeRequest request) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        Warmup.start();
        Map<String, Double> steps = new LinkedHashMap<>();
        ToolCollection collection = new ToolCollection(registry, listener);
        ToolSelection selection = collection.select(request);
        UUID runId = CanonicalIds.newRunId();
        SotOpening opening = null;
        ImportPipeline pipeline = null;
        try {
            long t = System.nanoTime();
            RepoInfo repo = collection.resolve(request, runId);
            steps.put("resolve", seconds(t));
            Path runDir = ToolCollection.runDir(request, runId);
            try {
                Files.createDirectories(runDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the run folder " + runDir, e);
            }
            pipeline = new ImportPipeline(runDir);
            ImportPipeline imports = pipeline;
            opening = SotOpening.start(request.dbFile(), listener);
            ToolsGate gate = new ToolsGate(Thread.currentThread());
            CompletableFuture<SourceOfTruth> ready = opening.future().thenApply(sot -> {
                if (!request.replace()) {
                    refuseIfImported(sot, repo);
                }
                sot.startRun(runId, repo.repoId(), repo.branch(), repo.commit(), startedAt);
                beginImport(sot, new RunImportRequest(runId, repo.repoId(), repo.commit(), repo.branch(), runDir,
                        request.replace()), imports);
                return sot;
            });
            ready.whenComplete((sot, error) -> {
                if (error != null) {
                    gate.abort();
                }
            });
            if (ready.isCompletedExceptionally()) {
                join(ready, () -> deleteRunDir(request, runId));
            }
            CollectionResult tools;
            t = System.nanoTime();
            gate.enter();
            try {
                tools = new ToolCollection(registry, new HandOver(listener, imports))
                        .runTools(request, selection, runId, repo, steps.get("resolve"));
            } catch (RuntimeException e) {
                boolean aborted = gate.leave();
                SourceOfTruth sot = join(ready, () -> deleteRunDir(request, runId));
                if (!aborted) {
                    sot.completeRun(runId, CollectionRunStatus.FAILED, Instant.now());
                }
                throw e;
            }
            gate.leave();
            double toolSeconds = seconds(t);
            SourceOfTruth sot = join(ready, () -> deleteRunDir(request, runId));
            steps.put("open", opening.seconds());
            steps.put("tools", toolSeconds);
            return land(sot, opening, request, tools, imports, steps, start);
        } finally {
            try {
                if (pipeline != null) {
                    pipeline.close();
                }
            } finally {
                if (opening != null) {
                    opening.close();
                }
            }
            collection.cleanUp(request, runId);
        }
    }

    /**
     * Waits for the database to be ready; when it failed (cannot be opened, or the run is refused), the tools
     * were stopped: their partial run folder is removed and the database's exception is thrown.
     */
    private static SourceOfTruth join(CompletableFuture<SourceOfTruth> ready, Runnable onFailure) {
        try {
            return ready.join();
        } catch (CompletionException e) {
            onFailure.run();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot open the source of truth: " + cause, cause);
        }
    }

    private static void deleteRunDir(AnalyzeRequest request, UUID runId) {
        try {
            FileMoves.deleteTree(ToolCollection.runDir(request, runId));
        } catch (IOException | RuntimeException e) {
            // The folder holds only this run's interrupted, never imported artifacts; a leftover is harmless.
        }
    }

    /**
     * Begins the run's import on the database thread; a refusal fails the run at once (before any tool lands),
     * another failure is kept for the import step, as a whole-run import would have reported it.
     */
    private static void beginImport(SourceOfTruth sot, RunImportRequest request, ImportPipeline imports) {
        try {
            imports.begun(sot.beginImport(request));
        } catch (RunAlreadyImportedException e) {
            sot.completeRun(request.runId(), CollectionRunStatus.FAILED, Instant.now());
            throw e;
        } catch (SotException | IllegalArgumentException e) {
            imports.beginFailed(e);
        }
    }

    private AnalyzeResult land(SourceOfTruth sot, SotOpening opening, AnalyzeRequest request,
            CollectionResult tools, ImportPipeline imports, Map<String, Double> steps, long start) {
        ImportReport imported = null;
        ModelRunReport models = null;
        List<DecisionFlag> flags = List.of();
        String failure = null;
        try {
            listener.stepStarted("import", imports.handedOver() + " tool folder(s) handed to the import while the"
                    + " tools ran; waiting for them, then the rest, import log, landing checks (" + tools.runDir() + ")");
            long t = System.nanoTime();
            try {
                imported = imports.finish();
            } finally {
                steps.put("import", seconds(t));
                steps.put("import_work", imports.workSeconds());
            }
            listener.stepStarted("models", "staging, intermediate, marts, data tests");
            t = System.nanoTime();
            models = sot.buildModels(tools.runId());
            steps.put("models", seconds(t));
            listener.stepStarted("flags", "decision flags");
            t = System.nanoTime();
            flags = sot.flags(tools.runId(), new FlagSettings(FlagSettings.defaults().lowFileCoverageThreshold(),
                    FlagSettings.defaults().locDisagreementThreshold(), new LinkedHashSet<>(tools.selection().names()),
                    request.maxMissingCriticalTools()));
            steps.put("flags", seconds(t));
        } catch (RunAlreadyImportedException e) {
            sot.completeRun(tools.runId(), CollectionRunStatus.FAILED, Instant.now());
            throw e;
        } catch (SotException | IllegalArgumentException e) {
            failure = e.getMessage();
        }
        AnalyzeStatus status = status(tools, imported, models, failure);
        long t = System.nanoTime();
        CollectionRun run = sot.completeRun(tools.runId(),
                status == AnalyzeStatus.FAILED ? CollectionRunStatus.FAILED : CollectionRunStatus.COMPLETED,
                Instant.now());
        opening.close(); // DuckDB checkpoints what the models wrote: part of the run's time
        steps.put("close", seconds(t));
        steps.put("total", seconds(start));
        AnalyzeResult result = new AnalyzeResult(status, tools, request.dbFile(), imported, models, flags, run,
                RunFigures.read(tools.runDir()), steps, failure);
        try {
            RunTimings.write(result, request.mode().code());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RunTimings.FILE + " to " + tools.runDir(), e);
        }
        return result;
    }

    private static AnalyzeStatus status(CollectionResult tools, ImportReport imported, ModelRunReport models,
            String failure) {
        if (failure != null || imported == null || imported.count(ToolImportStatus.IMPORTED) == 0) {
            return AnalyzeStatus.FAILED;
        }
        boolean clean = tools.allToolsSucceeded()
                && imported.tools().stream().allMatch(t -> t.status() == ToolImportStatus.IMPORTED)
                && models != null && models.succeeded();
        return clean ? AnalyzeStatus.COMPLETED : AnalyzeStatus.PARTIAL;
    }

    private static void refuseIfImported(SourceOfTruth sot, RepoInfo repo) {
        Optional<CollectionRun> latest = sot.latestCompletedRun(repo.repoId());
        if (latest.isPresent() && latest.get().commit().equals(repo.commit())) {
            throw new RunAlreadyImportedException("repository " + repo.name() + " (repo_id " + repo.repoId()
                    + ") at commit " + repo.commit() + " was already analyzed as run " + latest.get().runId()
                    + "; use --replace to analyze it again and replace that data");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Forwards progress and hands each collected tool to the pipelined import. */
    private static final class HandOver extends ForwardingRunListener {

        private final ImportPipeline imports;

        HandOver(RunListener listener, ImportPipeline imports) {
            super(listener);
            this.imports = imports;
        }

        @Override
        public void toolFinished(ToolOutcome outcome) {
            imports.toolCollected(outcome.toolName());
            super.toolFinished(outcome);
        }
    }
}
