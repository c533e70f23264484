package dev.vulcan.sot;

import dev.vulcan.core.envelope.Commits;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.EpistemicClaim;
import dev.vulcan.sot.flags.FlagSettings;
import dev.vulcan.sot.internal.DuckDbLayoutApi;
import dev.vulcan.sot.internal.LandingSettings;
import dev.vulcan.sot.internal.Retention;
import dev.vulcan.sot.internal.RunImporter;
import dev.vulcan.sot.internal.Sql;
import dev.vulcan.sot.internal.adapter.AdapterRegistry;
import dev.vulcan.sot.internal.adapter.LandingTable;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import dev.vulcan.sot.internal.flags.ClaimBuilder;
import dev.vulcan.sot.internal.flags.FlagEvaluator;
import dev.vulcan.sot.layout.LayoutApi;
import dev.vulcan.sot.models.ModelProject;
import dev.vulcan.sot.models.ModelRunReport;
import dev.vulcan.sot.models.ModelRunner;
import dev.vulcan.sot.retention.ArchivedTable;
import dev.vulcan.sot.retention.RetentionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * The Vulcan source of truth: one DuckDB file on disk and the only code that writes it.
 *
 * <p>The orchestrator opens it once per process, records the run ({@link #startRun}), imports the tool
 * artifacts of the run ({@link #importRun}, or tool by tool with {@link #beginImport}), builds the SQL models and runs their data tests
 * ({@link #buildModels}), computes decision flags and claims ({@link #flags}, {@link #claims}), closes the
 * run ({@link #completeRun}) and reads the layout through {@link #layout}. Methods are synchronized: one
 * caller at a time uses the single connection.
 */
public final class SourceOfTruth implements AutoCloseable {

    private final Path dbFile;
    private final DuckDBConnection connection;
    private final AdapterRegistry adapters;
    private final Clock clock;

    private SourceOfTruth(Path dbFile, DuckDBConnection connection, AdapterRegistry adapters, Clock clock) {
        this.dbFile = dbFile;
        this.connection = connection;
        this.adapters = adapters;
        this.clock = clock;
    }

    /**
     * Opens (creating if needed) the source-of-truth database file and brings its schema up to date.
     *
     * @param dbFile the DuckDB file
     * @return the open source of truth
     * @throws SotException if the file cannot be opened (for instance held by another process) or migrated
     */
    public static SourceOfTruth open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /**
     * Opens the database with a given clock for import, detection and flag timestamps.
     *
     * @param dbFile the DuckDB file
     * @param clock the clock
     * @return the open source of truth
     * @throws SotException if the file cannot be opened or migrated
     */
    public static SourceOfTruth open(Path dbFile, Clock clock) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(clock, "clock");
        Path absolute = dbFile.toAbsolutePath().normalize();
        DuckDBConnection connection;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + absolute);
        } catch (SQLException | IOException e) {
            throw new SotException("cannot open source of truth " + absolute + ": " + e.getMessage(), e);
        }
        AdapterRegistry adapters = AdapterRegistry.builtIn();
        try {
            LandingSettings.configureDatabase(connection);
            Sql.script(connection, resource("ddl/core.sql"));
            for (ToolAdapter adapter : adapters.all()) {
                for (LandingTable table : adapter.landingTables()) {
                    Sql.exec(connection, table.ddl());
                }
            }
        } catch (SQLException e) {
            close(connection);
            throw new SotException("cannot create the schema of " + absolute + ": " + e.getMessage(), e);
        }
        return new SourceOfTruth(absolute, connection, adapters, clock);
    }

    /**
     * Returns the database file.
     *
     * @return the absolute path
     */
    public Path dbFile() {
        return dbFile;
    }

    /**
     * Validates and imports every tool artifact of a run ({@code outputDir/{tool}/output.json + metadata.json}),
     * one transaction per tool, then runs the landing checks and computes the per-tool quality scores.
     * An invalid artifact is rejected with its reason and leaves nothing behind; the other tools go on.
     *
     * @param request the run and its output directory
     * @return one result per tool and the landing-check issues
     * @throws RunAlreadyImportedException if the run, or the same repository and commit, was imported
     *     before and {@code replace} is false
     * @throws IllegalArgumentException if the output directory does not exist
     * @throws SotException if the database fails outside a tool's transaction
     */
    public synchronized ImportReport importRun(RunImportRequest request) {
        return new RunImporter(connection, adapters, clock, this).importRun(request);
    }

    /**
     * Begins an incremental import of a run, for landing tools while others still execute: the same checks as
     * {@link #importRun} up front (refusal of an earlier import, or removal of the run's own earlier rows when
     * replacing; other replaced runs of the same repository and commit are removed by {@link RunImport#finish}), then {@link RunImport#importTool} per
     * tool folder as each is ready, then {@link RunImport#finish} for the rest, the import log, the landing checks
     * and the checkpoint. {@code importRun(r)} is {@code beginImport(r).finish()}. The handle's methods do not hold
     * this object's lock while tools validate and land, so other methods stay usable meanwhile.
     *
     * @param request the run and its output directory
     * @return the open import; close it (it is {@link AutoCloseable}) whether or not it was finished
     * @throws RunAlreadyImportedException if the run, or the same repository and commit, was imported
     *     before and {@code replace} is false (nothing of the run is read or landed then)
     * @throws IllegalArgumentException if the output directory does not exist
     * @throws SotException if the database fails
     */
    public synchronized RunImport beginImport(RunImportRequest request) {
        return new RunImport(request, new RunImporter(connection, adapters, clock, this).begin(request));
    }

    /**
     * Builds the built-in SQL models (staging, intermediate, marts) of a run and runs their data tests.
     *
     * @param runId the run
     * @return the model and test results
     * @throws SotException if the database fails outside a model
     */
    public synchronized ModelRunReport buildModels(UUID runId) {
        return buildModels(runId, ModelProject.builtIn());
    }

    /**
     * Builds the models of a given project for a run and runs its data tests.
     *
     * @param runId the run
     * @param project the model project
     * @return the model and test results
     * @throws SotException if the database fails outside a model
     */
    public synchronized ModelRunReport buildModels(UUID runId, ModelProject project) {
        Objects.requireNonNull(runId, "runId");
        return new ModelRunner(connection, project).run(Map.of("run_id", runId.toString()));
    }

    /**
     * Computes the decision flags of a run with the default thresholds, stores them in
     * {@code decision_flags} (replacing earlier ones of the run) and returns them. Call after
     * {@link #buildModels}: marts that are not built count as referencing no file (LOW_FILE_COVERAGE).
     *
     * @param runId the run
     * @return the raised flags, each valid against the decision-flag schema
     * @throws IllegalArgumentException if the run was neither started nor imported
     * @throws SotException if the database fails
     */
    public synchronized List<DecisionFlag> flags(UUID runId) {
        return flags(runId, FlagSettings.defaults());
    }

    /**
     * Computes, stores and returns the decision flags of a run with given thresholds.
     *
     * @param runId the run
     * @param settings the thresholds
     * @return the raised flags
     * @throws IllegalArgumentException if the run was neither started nor imported
     * @throws SotException if the database fails
     */
    public synchronized List<DecisionFlag> flags(UUID runId, FlagSettings settings) {
        return new FlagEvaluator(connection, clock).evaluate(runId, settings);
    }

    /**
     * Computes, stores ({@code epistemic_claims}) and returns the claims of a run: the facts and derived
     * values of its marts with their evidence and confidence. Call after {@link #buildModels}.
     *
     * @param runId the run
     * @return the claims, each valid against the epistemic-claim schema; empty when nothing was landed
     * @throws SotException if the database fails
     */
    public synchronized List<EpistemicClaim> claims(UUID runId) {
        return new ClaimBuilder(connection, clock).build(runId);
    }

    /**
     * Returns the read-only Layout API over the landed layout of a run.
     *
     * @param runId the run
     * @return the API
     * @throws dev.vulcan.sot.layout.LayoutNotFoundException if the run has no landed layout
     */
    public synchronized LayoutApi layout(UUID runId) {
        return new DuckDbLayoutApi(connection, this, runId);
    }

    /**
     * Applies a retention policy (architecture proposal 3.7): the landing rows of every completed run whose
     * {@code completed_at} is older than the TTL are exported to Parquet under
     * {@code coldStorage/{repo_id}/{run_id}/{tool_name}/{commit}/{table}.parquet}, deleted, and logged in
     * {@code sot_retention_log}. Marts, flags, claims and the import records stay; the Layout API of an archived
     * run then reports its layout as not found. DuckDB reads the Parquet files directly when needed.
     *
     * @param policy the TTL and the cold-storage folder
     * @param now the reference time
     * @return the tables archived, empty when no run is due
     * @throws SotException if the database or the export fails
     */
    public synchronized List<ArchivedTable> applyRetention(RetentionPolicy policy, Instant now) {
        return new Retention(connection, adapters, clock).apply(policy, now);
    }

    /**
     * Returns the landing-check issues recorded for a run.
     *
     * @param runId the run
     * @return the issues, by tool and check
     * @throws SotException if the database fails
     */
    public synchronized List<DataQualityIssue> dataQualityIssues(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT tool_name, check_name, dimension,"
                + " violation_count, samples, description FROM data_quality_issues WHERE run_id = ?"
                + " ORDER BY tool_name, check_name", runId); ResultSet rs = statement.executeQuery()) {
            List<DataQualityIssue> out = new ArrayList<>();
            while (rs.next()) {
                Array samples = rs.getArray(5);
                out.add(new DataQualityIssue(runId, rs.getString(1), rs.getString(2),
                        QualityDimension.fromCode(rs.getString(3)), rs.getLong(4),
                        Arrays.stream((Object[]) samples.getArray()).map(String::valueOf).toList(), rs.getString(6)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read the data quality issues of run " + runId, e);
        }
    }

    /**
     * Returns the per-tool quality scores of a run.
     *
     * @param runId the run
     * @return the scores, by tool
     * @throws SotException if the database fails
     */
    public synchronized List<QualityScore> qualityScores(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT tool_name, completeness, validity,"
                + " consistency, timeliness FROM tool_quality_scores WHERE run_id = ? ORDER BY tool_name", runId);
                ResultSet rs = statement.executeQuery()) {
            List<QualityScore> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new QualityScore(runId, rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read the quality scores of run " + runId, e);
        }
    }

    /**
     * Records the start of a collection run in {@code collection_runs} (status running).
     *
     * @param runId the run
     * @param repoId the repository
     * @param branch the branch
     * @param commit the full commit SHA
     * @param startedAt when it started
     * @return the record
     * @throws IllegalArgumentException if the commit is not a full SHA or the run is already recorded
     * @throws SotException if the database fails
     */
    public synchronized CollectionRun startRun(UUID runId, UUID repoId, String branch, String commit, Instant startedAt) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(branch, "branch");
        Commits.requireFullSha(commit);
        Objects.requireNonNull(startedAt, "startedAt");
        try {
            if (Sql.count(connection, "SELECT count(*) FROM collection_runs WHERE run_id = ?", runId) > 0) {
                throw new IllegalArgumentException("collection run " + runId + " is already recorded");
            }
            Sql.update(connection, "INSERT INTO collection_runs (run_id, repo_id, branch, commit, started_at, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", runId, repoId, branch, commit, Sql.utc(startedAt),
                    CollectionRunStatus.RUNNING.code());
        } catch (SQLException e) {
            throw Sql.failure("cannot record the start of run " + runId, e);
        }
        return collectionRun(runId).orElseThrow();
    }

    /**
     * Records the end of a collection run: status, end time, duration and the tool counts taken from the
     * run's import log (total = tools attempted, succeeded = imported, failed = rejected or failed).
     *
     * @param runId the run
     * @param status {@link CollectionRunStatus#COMPLETED} or {@link CollectionRunStatus#FAILED}
     * @param completedAt when it ended
     * @return the record
     * @throws IllegalArgumentException if the status is running, or the run was never started
     * @throws SotException if the database fails
     */
    public synchronized CollectionRun completeRun(UUID runId, CollectionRunStatus status, Instant completedAt) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
        if (status == CollectionRunStatus.RUNNING) {
            throw new IllegalArgumentException("completeRun needs a final status, got running");
        }
        CollectionRun run = collectionRun(runId).orElseThrow(() ->
                new IllegalArgumentException("collection run " + runId + " was never started"));
        try {
            long total = Sql.count(connection, "SELECT count(*) FROM sot_import_log WHERE run_id = ?", runId);
            long succeeded = Sql.count(connection, "SELECT count(*) FROM sot_import_log WHERE run_id = ? AND status = ?",
                    runId, ToolImportStatus.IMPORTED.code());
            double duration = Math.max(0, Duration.between(run.startedAt(), completedAt).toMillis() / 1000.0);
            Sql.update(connection, "UPDATE collection_runs SET completed_at = ?, status = ?, tools_total = ?,"
                    + " tools_succeeded = ?, tools_failed = ?, duration_seconds = ? WHERE run_id = ?",
                    Sql.utc(completedAt), status.code(), (int) total, (int) succeeded, (int) (total - succeeded),
                    duration, runId);
        } catch (SQLException e) {
            throw Sql.failure("cannot record the end of run " + runId, e);
        }
        return collectionRun(runId).orElseThrow();
    }

    /**
     * Returns a collection run.
     *
     * @param runId the run
     * @return the record, empty when unknown
     * @throws SotException if the database fails
     */
    public synchronized Optional<CollectionRun> collectionRun(UUID runId) {
        return runs("SELECT * FROM collection_runs WHERE run_id = ?", runId).stream().findFirst();
    }

    /**
     * Returns the latest completed run of a repository (Appendix D.5, view {@code latest_completed_runs}).
     *
     * @param repoId the repository
     * @return the run, empty when none completed
     * @throws SotException if the database fails
     */
    public synchronized Optional<CollectionRun> latestCompletedRun(UUID repoId) {
        return runs("SELECT c.* FROM latest_completed_runs l JOIN collection_runs c ON c.run_id = l.run_id"
                + " WHERE l.repo_id = ?", repoId).stream().findFirst();
    }

    /**
     * Returns the baseline of a run for incremental analysis: the latest run of the same repository and
     * branch that completed before the run started (Appendix D.5, view {@code run_incremental_baselines}).
     *
     * @param runId the run
     * @return the baseline run, empty when there is none
     * @throws SotException if the database fails
     */
    public synchronized Optional<CollectionRun> incrementalBaseline(UUID runId) {
        return runs("SELECT c.* FROM run_incremental_baselines b JOIN collection_runs c ON c.run_id = b.baseline_run_id"
                + " WHERE b.run_id = ?", runId).stream().findFirst();
    }

    private List<CollectionRun> runs(String sql, UUID id) {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement statement = Sql.prepare(connection, sql, id); ResultSet rs = statement.executeQuery()) {
            List<CollectionRun> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new CollectionRun(UUID.fromString(rs.getString("run_id")),
                        UUID.fromString(rs.getString("repo_id")), rs.getString("branch"), rs.getString("commit"),
                        Sql.instant(rs.getTimestamp("started_at")), Sql.instant(rs.getTimestamp("completed_at")),
                        CollectionRunStatus.fromCode(rs.getString("status")), (Integer) rs.getObject("tools_total"),
                        (Integer) rs.getObject("tools_succeeded"), (Integer) rs.getObject("tools_failed"),
                        (Double) rs.getObject("duration_seconds")));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read collection runs", e);
        }
    }

    /**
     * Runs a read-only query, for reports and tests: it runs in a transaction that is always rolled back, so
     * it cannot change the database.
     *
     * @param sql the query
     * @param params its parameters
     * @return the rows, each a map from column label to value, in column order
     * @throws SotException if the query fails
     */
    public synchronized List<Map<String, Object>> query(String sql, Object... params) {
        Objects.requireNonNull(sql, "sql");
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = Sql.prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(java.util.Collections.unmodifiableMap(row));
                }
                return List.copyOf(rows);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.failure("query failed", e);
        }
    }

    /**
     * Closes the database.
     *
     * @throws SotException if closing fails
     */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw Sql.failure("cannot close " + dbFile, e);
        }
    }

    private static void close(DuckDBConnection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The schema failure being reported matters more than a failed close.
        }
    }

    private static String resource(String name) {
        try (InputStream in = SourceOfTruth.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SotException("missing resource dev/vulcan/sot/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SotException("cannot read resource dev/vulcan/sot/" + name + ": " + e.getMessage(), e);
        }
    }
}
