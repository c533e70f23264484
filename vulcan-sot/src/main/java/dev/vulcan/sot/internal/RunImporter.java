package dev.vulcan.sot.internal;

import dev.vulcan.core.artifact.ArtifactException;
import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.PendingArtifact;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.PathRule;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.sot.DataQualityIssue;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.RunAlreadyImportedException;
import dev.vulcan.sot.RunImportRequest;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.ToolImportResult;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.internal.adapter.AdapterRegistry;
import dev.vulcan.sot.internal.adapter.AdapterRejection;
import dev.vulcan.sot.internal.adapter.LandingContext;
import dev.vulcan.sot.internal.adapter.LayoutScannerV1Adapter;
import dev.vulcan.sot.internal.adapter.PathField;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.JsonNode;

/**
 * The one way into the source of truth: pre-import validation of every {@code {output}/{tool}/} artifact
 * (validation point 1 again, on the consumer side), then one transaction per tool through its adapter, then
 * landing checks and quality scores for the run. Tools are validated and landed each on its own connection to the
 * same database and in its own transaction. Automatic checkpoints are deferred during the import and one checkpoint
 * ends it ({@link LandingSettings}).
 *
 * <p>An import is a {@link Session}: {@link #begin} checks earlier imports (refusal or purge) and defers
 * checkpoints; {@link Session#importTool} lands one tool folder at any time afterwards (from any thread, different
 * tools at once), so tools can land while other tools of the run still execute; {@link Session#finish} lands every
 * folder not landed yet (two at a time), writes the import log, runs the landing checks and checkpoints.
 * {@link #importRun} is {@code begin} then {@code finish}.
 *
 * <p>Schema validation of an output is skipped when its exact bytes already passed the same schema in this process
 * ({@link dev.vulcan.core.artifact.ValidatedArtifacts}); the adapter's landing contract is a schema of its own, so it
 * is validated here unless this process validated the same bytes against that contract before. That validation runs
 * on a thread of its own while the data lands in the tool's transaction, which is committed only after a pass (a
 * failure rolls the landing back and rejects the tool with the contract's problems). Every other check
 * (metadata, digest, run ids, path rules, the adapter's rules) runs on every import.
 *
 * <p>Locking: every use of the engine's connection (run_pk allocation, purge, import log, landing checks,
 * checkpoint) holds {@code lock}, the monitor of the source of truth that serializes its other methods; a tool's
 * validation and landing hold nothing of it (landing runs on a duplicate connection).
 */
public final class RunImporter {

    /** The most tools validated and landed at once by {@link Session#finish}. */
    static final int IMPORT_THREADS = 2;

    private final DuckDBConnection connection;
    private final AdapterRegistry adapters;
    private final Clock clock;
    private final Object lock;

    /**
     * Creates the importer.
     *
     * @param connection the engine's connection
     * @param adapters the known adapters
     * @param clock the clock of import timestamps
     * @param lock the monitor that guards every use of {@code connection}
     */
    public RunImporter(DuckDBConnection connection, AdapterRegistry adapters, Clock clock, Object lock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Imports a run: {@link #begin} then {@link Session#finish}.
     *
     * @param request the request
     * @return the report
     * @throws RunAlreadyImportedException if the run or its repository+commit was imported before and the
     *     request does not ask to replace it
     * @throws IllegalArgumentException if the output directory does not exist
     * @throws SotException if the database fails outside a tool's transaction
     */
    public ImportReport importRun(RunImportRequest request) {
        try (Session session = begin(request)) {
            return session.finish();
        }
    }

    /**
     * Begins the import of a run: refuses it when the run or its repository+commit was imported before (unless
     * replacing), purges the earlier import when replacing, and defers automatic checkpoints until the session
     * ends. Nothing of the run's tools is read yet.
     *
     * @param request the request
     * @return the open session; close it (after {@link Session#finish} or instead of it) to restore checkpoints
     * @throws RunAlreadyImportedException if the run or its repository+commit was imported before and the
     *     request does not ask to replace it
     * @throws IllegalArgumentException if the output directory does not exist
     * @throws SotException if the database fails
     */
    public Session begin(RunImportRequest request) {
        Objects.requireNonNull(request, "request");
        if (!Files.isDirectory(request.outputDir(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("output directory " + request.outputDir() + " does not exist");
        }
        synchronized (lock) {
            boolean replaced;
            List<UUID> replacedRuns;
            try {
                Set<UUID> previous = previousRuns(request);
                if (!previous.isEmpty() && !request.replace()) {
                    throw new RunAlreadyImportedException("run " + request.runId() + " (repo " + request.repoId()
                            + ", commit " + request.commit() + ") was already imported as run(s) " + previous
                            + "; re-import with replace=true to replace it");
                }
                replaced = !previous.isEmpty();
                if (previous.contains(request.runId())) {
                    RunPurge.purge(connection, List.of(request.runId()), request.runId());
                }
                replacedRuns = previous.stream().filter(run -> !run.equals(request.runId())).toList();
            } catch (SQLException e) {
                throw Sql.failure("cannot check earlier imports of run " + request.runId(), e);
            }
            try {
                LandingSettings.deferCheckpoints(connection);
            } catch (SQLException e) {
                throw checkpointAfterFailure(request,
                        Sql.failure("cannot defer checkpoints for the import of run " + request.runId(), e));
            }
            return new Session(request, replaced, replacedRuns);
        }
    }

    /**
     * One run's import in progress. {@link #importTool} may be called from several threads for different tools;
     * {@link #finish} waits for the calls in flight, and afterwards the session takes no more tools.
     */
    public final class Session implements AutoCloseable {

        private final RunImportRequest request;
        private final boolean replaced;
        private final List<UUID> replacedRuns;
        private final ReadWriteLock state = new ReentrantReadWriteLock();
        private final Set<String> claimed = ConcurrentHashMap.newKeySet();
        private final Map<String, ToolImportResult> results = new ConcurrentHashMap<>();
        private final Map<String, LandingChecker.Measurement> measured = new ConcurrentHashMap<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private boolean ended;

        private Session(RunImportRequest request, boolean replaced, List<UUID> replacedRuns) {
            this.request = request;
            this.replaced = replaced;
            this.replacedRuns = replacedRuns;
        }

        /**
         * Returns whether this import replaces an earlier import of the run or repository+commit: rows of the same
         * run_id were removed when the session began; other runs of the same repository and commit are removed by
         * {@link #finish}, so an import that never finishes leaves them in place.
         *
         * @return true when replacing
         */
        public boolean replaced() {
            return replaced;
        }

        /**
         * Validates and lands one tool folder {@code outputDir/{toolName}/} in its own transaction; an invalid
         * artifact or a failed landing is a {@link ToolImportStatus#REJECTED} result and leaves nothing of the tool.
         *
         * @param toolName the folder name
         * @return the tool's result
         * @throws IllegalArgumentException if the name is not a plain folder name or the folder does not exist
         *     (a symbolic link is no folder)
         * @throws IllegalStateException if the tool was imported by this session before, or the session ended
         * @throws SotException if the database fails outside the tool's transaction (also thrown again by
         *     {@link #finish})
         */
        public ToolImportResult importTool(String toolName) {
            Path dir = toolDir(toolName);
            state.readLock().lock();
            try {
                requireOpen();
                if (!claimed.add(toolName)) {
                    throw new IllegalStateException("tool " + toolName + " of run " + request.runId()
                            + " was imported by this session already");
                }
                long runPk;
                synchronized (lock) {
                    runPk = nextRunPk();
                }
                return land(dir, runPk);
            } finally {
                state.readLock().unlock();
            }
        }

        /**
         * Lands every tool folder not imported yet, writes the import log of every tool, runs the landing checks
         * and computes the quality scores, then checkpoints once. Waits for {@link #importTool} calls in flight.
         *
         * @return one result per tool folder (layout-scanner first, then by name) and the landing-check issues
         * @throws IllegalStateException if the session ended before
         * @throws SotException if the database fails outside a tool's transaction, here or in an earlier
         *     {@link #importTool}
         */
        public ImportReport finish() {
            state.writeLock().lock();
            try {
                requireOpen();
                ended = true;
                synchronized (lock) {
                    List<DataQualityIssue> issues;
                    List<ToolImportResult> ordered;
                    try {
                        List<Path> remaining = toolDirs(request.outputDir()).stream()
                                .filter(dir -> claimed.add(dir.getFileName().toString())).toList();
                        landAll(remaining);
                        RuntimeException earlier = failure.get();
                        if (earlier != null) {
                            throw new SotException("the import of run " + request.runId() + " failed: "
                                    + earlier.getMessage(), earlier);
                        }
                        purgeReplacedRuns();
                        ordered = results.values().stream().sorted(Comparator.comparing(
                                (ToolImportResult r) -> !r.toolName().equals(LayoutScannerV1Adapter.TOOL))
                                .thenComparing(ToolImportResult::toolName)).toList();
                        for (ToolImportResult result : ordered) {
                            log(request, result);
                        }
                        issues = new LandingChecker(connection, adapters, clock).check(request, ordered, measured);
                    } catch (RuntimeException e) {
                        throw checkpointAfterFailure(request, e);
                    } catch (Error e) {
                        throw checkpointAfterFailure(request, e);
                    }
                    checkpoint(request);
                    return new ImportReport(request.runId(), replaced, ordered, issues);
                }
            } finally {
                state.writeLock().unlock();
            }
        }

        /** Removes the earlier runs of the same repository and commit that this import replaces. */
        private void purgeReplacedRuns() {
            if (replacedRuns.isEmpty()) {
                return;
            }
            try {
                RunPurge.purge(connection, replacedRuns, request.runId());
            } catch (SQLException e) {
                throw Sql.failure("cannot remove the runs " + replacedRuns + " replaced by run " + request.runId(), e);
            }
        }

        /**
         * Abandons the import when {@link #finish} was not called (waiting for calls in flight): removes every row
         * the session landed for the run (its {@code collection_runs} row stays), so that a later import of the same
         * repository and commit is not refused because of an import that never finished, then restores the
         * checkpoint threshold and checkpoints. Earlier runs of the same repository and commit that the import was to
         * replace stay in place (only {@link #finish} removes them).
         * Does nothing after {@link #finish} or a first close.
         *
         * @throws SotException if the removal or the checkpoint fails
         */
        @Override
        public void close() {
            state.writeLock().lock();
            try {
                if (ended) {
                    return;
                }
                ended = true;
                synchronized (lock) {
                    try {
                        RunPurge.purge(connection, List.of(request.runId()), request.runId());
                    } catch (SQLException e) {
                        throw checkpointAfterFailure(request,
                                Sql.failure("cannot remove what the abandoned import of run " + request.runId()
                                        + " landed", e));
                    }
                    checkpoint(request);
                }
            } finally {
                state.writeLock().unlock();
            }
        }

        private void requireOpen() {
            if (ended) {
                throw new IllegalStateException("the import of run " + request.runId() + " has ended");
            }
        }

        private Path toolDir(String toolName) {
            Objects.requireNonNull(toolName, "toolName");
            if (toolName.isEmpty() || toolName.startsWith(".") || toolName.contains("/") || toolName.contains("\\")) {
                throw new IllegalArgumentException("'" + toolName + "' is not a tool folder name");
            }
            Path dir = request.outputDir().resolve(toolName);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("no tool folder " + dir);
            }
            return dir;
        }

        /** One tool, on the calling thread; a failure of the database outside its transaction is kept for finish. */
        private ToolImportResult land(Path dir, long runPk) {
            String toolName = dir.getFileName().toString();
            ToolImportResult result;
            // Read now: when true, the layout was committed before the tool's transaction begins, so it sees it.
            boolean layoutFinal = toolName.equals(LayoutScannerV1Adapter.TOOL)
                    || results.containsKey(LayoutScannerV1Adapter.TOOL);
            try {
                result = RunImporter.this.importTool(request, dir, runPk, layoutFinal ? measured : null);
            } catch (SotException e) {
                failure.compareAndSet(null, e);
                throw e;
            } catch (RuntimeException e) {
                result = rejected(toolName, null, "import failed: " + e);
            }
            measure(result);
            results.put(toolName, result);
            return result;
        }

        /**
         * Takes the read-only part of a landed tool's landing checks now, beside the tools still landing, when every
         * table they read is final for the run: the tool's own (it lands once) and the layout's (layout-scanner is
         * this tool, or it ended before). Otherwise, or if a query fails, {@link #finish} measures it. Does nothing
         * when the landing measured it inside the tool's transaction already.
         */
        private void measure(ToolImportResult result) {
            boolean layoutFinal = result.toolName().equals(LayoutScannerV1Adapter.TOOL)
                    || results.containsKey(LayoutScannerV1Adapter.TOOL);
            if (result.status() != ToolImportStatus.IMPORTED || !layoutFinal
                    || measured.containsKey(result.toolName())) {
                return;
            }
            Optional<ToolAdapter> adapter = adapters.find(result.toolName(), result.schemaVersion());
            if (adapter.isEmpty()) {
                return;
            }
            try (DuckDBConnection reader = connection.duplicate()) {
                measured.put(result.toolName(), LandingChecker.measure(reader, request.runId(), adapter.get()));
            } catch (SQLException | RuntimeException e) {
                // Measured again by finish, which reports a failure as the whole-run import always did.
            }
        }

        /**
         * Lands folders on up to {@link #IMPORT_THREADS} threads, run_pks allocated in folder order first: each
         * tool has its own connection (a duplicate of the engine's, same database) and its own transaction, so
         * tools never wait on each other's validation and a failure still leaves nothing of that tool only.
         */
        private void landAll(List<Path> dirs) {
            if (dirs.isEmpty()) {
                return;
            }
            List<Long> runPks = new ArrayList<>();
            for (int i = 0; i < dirs.size(); i++) {
                runPks.add(nextRunPk());
            }
            int threads = Math.max(1, Math.min(IMPORT_THREADS,
                    Math.min(dirs.size(), Runtime.getRuntime().availableProcessors())));
            AtomicInteger counter = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "vulcan-sot-import-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<ToolImportResult>> futures = new ArrayList<>();
                for (int i = 0; i < dirs.size(); i++) {
                    Path dir = dirs.get(i);
                    long runPk = runPks.get(i);
                    futures.add(pool.submit(() -> land(dir, runPk)));
                }
                for (Future<ToolImportResult> future : futures) {
                    try {
                        future.get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        if (cause instanceof SotException sot) {
                            throw sot;
                        }
                        if (cause instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException("unexpected import failure", cause);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SotException("import of run " + request.runId() + " was interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Restores the checkpoint threshold after a failed landing; a second failure is attached to the first. */
    private <T extends Throwable> T checkpointAfterFailure(RunImportRequest request, T failure) {
        try {
            checkpoint(request);
        } catch (SotException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** One checkpoint after every tool, the import log and the landing checks have committed ({@link LandingSettings}). */
    private void checkpoint(RunImportRequest request) {
        try {
            LandingSettings.checkpoint(connection);
        } catch (SQLException e) {
            throw Sql.failure("cannot checkpoint the database after landing run " + request.runId(), e);
        }
    }

    private long nextRunPk() {
        try {
            return Sql.count(connection, "SELECT nextval('lz_run_pk_seq')");
        } catch (SQLException e) {
            throw Sql.failure("cannot allocate a run_pk", e);
        }
    }

    private Set<UUID> previousRuns(RunImportRequest request) throws SQLException {
        Set<UUID> runs = new LinkedHashSet<>();
        for (String table : List.of("lz_tool_runs", "sot_import_log")) {
            for (String id : Sql.strings(connection, "SELECT DISTINCT CAST(run_id AS VARCHAR) FROM " + table
                    + " WHERE run_id = ? OR (repo_id = ? AND commit = ?)",
                    request.runId(), request.repoId(), request.commit())) {
                runs.add(UUID.fromString(id));
            }
        }
        return runs;
    }

    private static List<Path> toolDirs(Path outputDir) {
        try (Stream<Path> entries = Files.list(outputDir)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(LayoutScannerV1Adapter.TOOL))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list output directory " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates and lands one tool folder. With {@code measurements}, the tool's landing checks are measured inside
     * its transaction (while the landing contract is still being validated) and put there once it commits; pass it
     * only when every table the checks read besides the tool's own was committed before this call.
     */
    private ToolImportResult importTool(RunImportRequest request, Path toolDir, long runPk,
            Map<String, LandingChecker.Measurement> measurements) {
        String toolName = toolDir.getFileName().toString();
        try {
            VulcanSchemas.requireToolName(toolName);
        } catch (IllegalArgumentException e) {
            return rejected(toolName, null, e.getMessage());
        }
        for (String file : List.of(ArtifactIo.METADATA_FILE, ArtifactIo.OUTPUT_FILE)) {
            if (Files.isSymbolicLink(toolDir.resolve(file))) {
                return rejected(toolName, null, toolDir.resolve(file) + ": is a symbolic link; artifacts must be"
                        + " regular files");
            }
        }
        ExecutionMetadata metadata;
        try {
            metadata = readMetadata(toolDir.resolve(ArtifactIo.METADATA_FILE));
        } catch (ArtifactException | IllegalArgumentException e) {
            return rejected(toolName, null, e.getMessage());
        }
        String version = metadata.schemaVersion();
        String mismatch = runMismatch(request, metadata);
        if (mismatch != null) {
            return rejected(toolName, version, toolDir.resolve(ArtifactIo.METADATA_FILE) + ": " + mismatch);
        }
        Optional<ToolAdapter> found = adapters.find(toolName, version);
        if (metadata.status() == ExecutionStatus.FAILED) {
            String errors = metadata.errors().stream().map(e -> e.code() + ": " + e.message())
                    .collect(Collectors.joining("; "));
            return new ToolImportResult(toolName, version, ToolImportStatus.TOOL_FAILED,
                    "tool execution failed (exit code " + metadata.exitCode() + ")"
                            + (errors.isEmpty() ? "" : ": " + errors), Map.of(), Duration.ZERO, Duration.ZERO);
        }
        if (found.isEmpty()) {
            return rejected(toolName, version, "no adapter for tool '" + toolName + "' schema_version " + version
                    + " (known adapters: " + adapters.describe() + ")");
        }
        ToolAdapter adapter = found.get();
        long started = System.nanoTime();
        PendingArtifact pending;
        try {
            pending = ArtifactIo.readPending(toolDir, adapter.contractSchemaId());
        } catch (ArtifactException | IllegalArgumentException e) {
            return rejected(toolName, version, e.getMessage());
        }
        Envelope envelope = pending.artifact().envelope();
        ContractCheck contract = ContractCheck.start(toolName, pending, started);
        String rejection = null;
        try {
            checkPaths(toolDir, envelope, adapter.pathFields());
            adapter.validate(envelope);
        } catch (ArtifactException | IllegalArgumentException e) {
            rejection = e.getMessage();
        } catch (AdapterRejection e) {
            rejection = toolDir.resolve(ArtifactIo.OUTPUT_FILE) + ": " + e.getMessage();
        } catch (RuntimeException e) {
            // the data is not validated yet: an adapter rule may meet a shape the contract would have refused
            rejection = toolDir.resolve(ArtifactIo.OUTPUT_FILE) + ": " + e;
        }
        if (rejection != null) {
            String problem = contract.awaitProblem(); // a contract violation is reported first, as the root cause
            return rejected(toolName, version, problem != null ? problem : rejection);
        }
        return land(request, adapter, metadata, envelope, runPk, contract, measurements);
    }

    /**
     * The validation of an artifact's data against the adapter's landing contract, on a thread of its own while the
     * data lands in the tool's transaction; the transaction is committed only once the verdict is a pass.
     */
    private static final class ContractCheck {

        private final FutureTask<Void> task;
        private final long started;
        private volatile long ended;
        private boolean awaited;
        private String problem;

        private ContractCheck(PendingArtifact pending, long started) {
            this.started = started;
            this.task = new FutureTask<>(() -> {
                try {
                    pending.validateData();
                    return null;
                } finally {
                    ended = System.nanoTime();
                }
            });
        }

        static ContractCheck start(String toolName, PendingArtifact pending, long started) {
            ContractCheck check = new ContractCheck(pending, started);
            Thread thread = new Thread(check.task, "vulcan-sot-contract-" + toolName);
            thread.setDaemon(true);
            thread.start();
            return check;
        }

        /**
         * Waits for the verdict (once: later calls return the same answer).
         *
         * @return null when the data passed, else the reason it is rejected
         */
        synchronized String awaitProblem() {
            if (!awaited) {
                problem = verdict();
                awaited = true;
            }
            return problem;
        }

        private String verdict() {
            try {
                task.get();
                return null;
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                return "interrupted while validating the data against its landing contract";
            } catch (CancellationException e) {
                return "the validation of the data against its landing contract was cancelled";
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return cause instanceof ArtifactException || cause instanceof IllegalArgumentException
                        ? cause.getMessage() : "validating the data against its landing contract failed: " + cause;
            }
        }

        /** From the start of the tool's read to the contract's verdict. */
        Duration validation() {
            return Duration.ofNanos(Math.max(0, ended - started));
        }
    }

    private static ExecutionMetadata readMetadata(Path file) {
        JsonNode json;
        try {
            json = Json.read(file);
        } catch (InvalidJsonException e) {
            throw new ArtifactException(file, e.getMessage(), e);
        }
        List<SchemaProblem> problems = SchemaValidator.shared().validate(VulcanSchemas.EXECUTION_METADATA, json);
        if (!problems.isEmpty()) {
            throw new ArtifactException(file, "does not validate against " + VulcanSchemas.EXECUTION_METADATA + ": "
                    + problems.stream().limit(20).map(SchemaProblem::toString).collect(Collectors.joining("; ")), null);
        }
        return ExecutionMetadata.fromJson(json);
    }

    private static String runMismatch(RunImportRequest request, ExecutionMetadata metadata) {
        if (!metadata.runId().equals(request.runId())) {
            return "run_id " + metadata.runId() + " differs from the run being imported " + request.runId();
        }
        if (!metadata.repoId().equals(request.repoId())) {
            return "repo_id " + metadata.repoId() + " differs from the run's repo_id " + request.repoId();
        }
        if (!metadata.commit().equals(request.commit())) {
            return "commit " + metadata.commit() + " differs from the run's commit " + request.commit();
        }
        return null;
    }

    private static void checkPaths(Path toolDir, Envelope envelope, List<PathField> fields) {
        Set<String> valid = new HashSet<>();
        for (PathField field : fields) {
            JsonNode array = envelope.data().get(field.arrayField());
            if (array == null || !array.isArray()) {
                continue;
            }
            int i = 0;
            for (JsonNode element : array) {
                JsonNode value = element.get(field.field());
                if (value == null || !value.isString()) {
                    throw new AdapterRejection(where(field, i) + " is missing or not a string");
                }
                String path = value.asString();
                if (!(field.rootAllowed() && path.isEmpty()) && !valid.contains(path)) {
                    Optional<PathRule> broken = RepoPaths.violation(path);
                    if (broken.isPresent()) {
                        throw new AdapterRejection(where(field, i) + " '" + path + "': " + broken.get().description());
                    }
                    valid.add(path);
                }
                i++;
            }
        }
    }

    /** Names an element's path field in a rejection, e.g. {@code data.calls[12].path}. */
    private static String where(PathField field, int index) {
        return "data." + field.arrayField() + "[" + index + "]." + field.field();
    }

    /**
     * Lands a tool in its own transaction, committed only when the landing contract's verdict (reached meanwhile on
     * another thread) is a pass; a contract failure rolls the landing back and rejects the tool with the contract's
     * problems, as when the contract was checked before landing.
     *
     * <p>With {@code measurements}, the landing checks are measured on the transaction while the verdict is awaited,
     * and the measurement is kept once the transaction commits. A failed measurement must not cost the tool its
     * data: a failed statement aborts a DuckDB transaction, so the tool is then landed again without measuring
     * ({@link Session#finish} measures it, and reports the failure as a whole-run import does).
     */
    private ToolImportResult land(RunImportRequest request, ToolAdapter adapter, ExecutionMetadata metadata,
            Envelope envelope, long runPk, ContractCheck contract,
            Map<String, LandingChecker.Measurement> measurements) {
        if (measurements != null) {
            ToolImportResult result = landOnce(request, adapter, metadata, envelope, runPk, contract, measurements);
            if (result != null) {
                return result;
            }
        }
        return landOnce(request, adapter, metadata, envelope, runPk, contract, null);
    }

    /** One landing transaction; null when measuring inside it failed (the transaction was then rolled back). */
    private ToolImportResult landOnce(RunImportRequest request, ToolAdapter adapter, ExecutionMetadata metadata,
            Envelope envelope, long runPk, ContractCheck contract,
            Map<String, LandingChecker.Measurement> measurements) {
        String toolName = adapter.toolName();
        long started = System.nanoTime();
        try (DuckDBConnection tx = connection.duplicate()) {
            LandingSettings.prepareToolConnection(tx);
            tx.setAutoCommit(false);
            try {
                Sql.update(tx, "INSERT INTO lz_tool_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        runPk, request.repoId(), request.runId(), toolName, metadata.toolVersion(),
                        metadata.schemaVersion(), adapter.adapterName(), metadata.branch(), metadata.commit(),
                        Sql.utc(envelope.metadata().timestamp()), metadata.status().code(), metadata.filesAnalyzed(),
                        metadata.errors().size(), metadata.durationSeconds(), metadata.output().sha256(),
                        Sql.utc(clock.instant()));
                Map<String, Long> counts = adapter.land(
                        new LandingContext(tx, runPk, request.runId(), request.repoId()), envelope);
                Duration landing = Duration.ofNanos(System.nanoTime() - started);
                LandingChecker.Measurement measurement = null;
                if (measurements != null) {
                    try {
                        measurement = LandingChecker.measure(tx, request.runId(), adapter);
                    } catch (SQLException | RuntimeException e) {
                        tx.rollback();
                        return null;
                    }
                }
                String problem = contract.awaitProblem();
                if (problem != null) {
                    tx.rollback();
                    return rejected(toolName, metadata.schemaVersion(), problem);
                }
                tx.commit();
                if (measurement != null) {
                    measurements.put(toolName, measurement);
                }
                return new ToolImportResult(toolName, metadata.schemaVersion(), ToolImportStatus.IMPORTED, null, counts,
                        contract.validation(), landing);
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                String problem = contract.awaitProblem(); // invalid data explains a failed landing best
                return rejected(toolName, metadata.schemaVersion(), problem != null ? problem
                        : "landing failed, nothing of " + toolName + " was kept: " + e.getMessage());
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot run the import transaction of " + toolName, e);
        }
    }

    private void log(RunImportRequest request, ToolImportResult result) {
        try {
            Sql.update(connection, "INSERT INTO sot_import_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    request.runId(), request.repoId(), request.commit(), result.toolName(), result.schemaVersion(),
                    result.status().code(), result.reason(), result.totalRows(), Sql.utc(clock.instant()));
        } catch (SQLException e) {
            throw Sql.failure("cannot record the import of " + result.toolName(), e);
        }
    }

    private static ToolImportResult rejected(String toolName, String version, String reason) {
        return new ToolImportResult(toolName, version, ToolImportStatus.REJECTED, reason, Map.of(), Duration.ZERO,
                Duration.ZERO);
    }
}
