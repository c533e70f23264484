package dev.vulcan.orchestrator.run;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.orchestrator.exec.BackendResult;
import dev.vulcan.orchestrator.exec.ExecutionBackend;
import dev.vulcan.orchestrator.exec.ToolTask;
import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.run.internal.ArtifactCollector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the selected tools phase by phase (0 → 3): a phase starts when the previous one has ended; within a
 * phase, a tool starts as soon as the tools it depends on have succeeded and a worker is free (at most
 * {@code parallel} at once; a tool that is not {@code parallelSafe} runs alone). A tool whose dependency did not
 * succeed, or is not installed, is skipped with that reason; every other failure is recorded and the run goes
 * on.
 */
public final class ToolScheduler {

    /** The bound on waiting for the workers to return once the scheduler stops. */
    private static final long WORKER_STOP_SECONDS = 30;

    private final ExecutionBackend backend;
    private final int parallel;
    private final RunListener listener;

    /**
     * Creates a scheduler.
     *
     * @param backend where tools run
     * @param parallel the most tools running at once
     * @param listener progress receiver
     * @throws IllegalArgumentException if parallel is not positive
     */
    public ToolScheduler(ExecutionBackend backend, int parallel, RunListener listener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        this.parallel = parallel;
    }

    /**
     * Runs a selection.
     *
     * @param selection the tools, in execution order
     * @param missingDependencies per tool, its dependencies that are not installed
     * @param tasks builds a tool's task when it starts (its deadline counts from then)
     * @return one outcome per selected tool, in the order they ended
     */
    public List<ToolOutcome> run(ToolSelection selection, Function<String, List<String>> missingDependencies,
            Function<Tool, ToolTask> tasks) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(missingDependencies, "missingDependencies");
        Objects.requireNonNull(tasks, "tasks");
        Map<String, ToolOutcome> done = new LinkedHashMap<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "vulcan-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Map.Entry<Integer, List<ToolDescriptor>> phase : selection.byPhase().entrySet()) {
                listener.phaseStarted(phase.getKey(), phase.getValue().stream().map(ToolDescriptor::name).toList());
                long phaseStart = System.nanoTime();
                runPhase(selection, phase.getValue(), missingDependencies, tasks, pool, done);
                listener.phaseFinished(phase.getKey(), (System.nanoTime() - phaseStart) / 1e9);
            }
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
        return List.copyOf(done.values());
    }

    /**
     * Waits for the workers to return after {@code shutdownNow} (at once after a normal run; after an interrupt,
     * the backends return promptly: the local one after a short grace for its tool thread, the process one after
     * killing its child), so that nothing writes into the run folder once {@link #run} has returned or thrown. The
     * caller's interrupt status is kept.
     */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(WORKER_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runPhase(ToolSelection selection, List<ToolDescriptor> phaseTools,
            Function<String, List<String>> missingDependencies, Function<Tool, ToolTask> tasks, ExecutorService pool,
            Map<String, ToolOutcome> done) {
        ExecutorCompletionService<ToolOutcome> completion = new ExecutorCompletionService<>(pool);
        List<ToolDescriptor> pending = new ArrayList<>(phaseTools);
        Map<Future<ToolOutcome>, ToolDescriptor> running = new LinkedHashMap<>();
        boolean exclusiveRunning = false;
        while (!pending.isEmpty() || !running.isEmpty()) {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Iterator<ToolDescriptor> it = pending.iterator(); it.hasNext();) {
                    ToolDescriptor d = it.next();
                    Optional<String> blocked = blockedBy(d, missingDependencies.apply(d.name()), done);
                    if (blocked.isPresent()) {
                        finish(done, new ToolOutcome(d.name(), d.phase(), ToolRunStatus.SKIPPED, blocked.get(), null,
                                0, null, 0));
                        it.remove();
                        progress = true;
                        continue;
                    }
                    if (!d.dependsOn().stream().allMatch(done::containsKey)) {
                        continue;
                    }
                    boolean canStart = !exclusiveRunning && running.size() < parallel
                            && (d.parallelSafe() || running.isEmpty());
                    if (!canStart) {
                        continue;
                    }
                    Tool tool = selection.tool(d.name());
                    listener.toolStarted(d.name(), d.phase());
                    running.put(completion.submit(() -> execute(tool, tasks)), d);
                    exclusiveRunning = !d.parallelSafe();
                    it.remove();
                    progress = true;
                }
            }
            if (running.isEmpty()) {
                for (ToolDescriptor d : pending) {
                    finish(done, new ToolOutcome(d.name(), d.phase(), ToolRunStatus.SKIPPED,
                            "its dependencies " + d.dependsOn() + " cannot run before it", null, 0, null, 0));
                }
                pending.clear();
                continue;
            }
            Future<ToolOutcome> next;
            try {
                next = completion.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the run was interrupted", e);
            }
            ToolDescriptor d = running.remove(next);
            exclusiveRunning = false;
            ToolOutcome outcome;
            try {
                outcome = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the run was interrupted", e);
            } catch (ExecutionException e) {
                outcome = new ToolOutcome(d.name(), d.phase(), ToolRunStatus.FAILED,
                        "the orchestrator could not run or collect it: " + e.getCause(), null, 0, null, 0);
            }
            finish(done, outcome);
        }
    }

    private ToolOutcome execute(Tool tool, Function<Tool, ToolTask> tasks) {
        Instant startedAt = Instant.now();
        ToolTask task = tasks.apply(tool);
        BackendResult result = backend.execute(task);
        return ArtifactCollector.collect(task, backend.mode(), result, startedAt);
    }

    private void finish(Map<String, ToolOutcome> done, ToolOutcome outcome) {
        done.put(outcome.toolName(), outcome);
        listener.toolFinished(outcome);
    }

    private static Optional<String> blockedBy(ToolDescriptor d, List<String> missing, Map<String, ToolOutcome> done) {
        if (!missing.isEmpty()) {
            return Optional.of("dependency " + String.join(", ", missing) + " is not installed");
        }
        for (String dep : d.dependsOn()) {
            ToolOutcome outcome = done.get(dep);
            if (outcome != null && !outcome.status().isSuccess()) {
                return Optional.of("dependency " + dep + " " + outcome.status().code());
            }
        }
        return Optional.empty();
    }
}
