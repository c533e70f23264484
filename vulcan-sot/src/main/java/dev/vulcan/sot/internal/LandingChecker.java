package dev.vulcan.sot.internal;

import dev.vulcan.sot.DataQualityIssue;
import dev.vulcan.sot.QualityDimension;
import dev.vulcan.sot.QualityScore;
import dev.vulcan.sot.RunImportRequest;
import dev.vulcan.sot.ToolImportResult;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.internal.adapter.AdapterRegistry;
import dev.vulcan.sot.internal.adapter.LandingCheck;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * Runs the landing checks (validation point 2) of every imported tool of a run, records the violations in
 * {@code data_quality_issues} and the per-tool quality scores in {@code tool_quality_scores}.
 *
 * <p>Scores: completeness is the adapter's own measure (share of the expected file universe present);
 * validity and consistency are {@code 1 - min(1, violations / rows)} over the checks of that dimension, rows
 * being the tool's primary landing table; timeliness decays linearly from 1 (artifact produced at import
 * time) to 0 at {@link #TIMELINESS_HORIZON} of age.
 */
public final class LandingChecker {

    /** The artifact age at which timeliness reaches 0. */
    public static final Duration TIMELINESS_HORIZON = Duration.ofDays(7);

    private static final int SAMPLE_LIMIT = 5;

    private final DuckDBConnection connection;
    private final AdapterRegistry adapters;
    private final Clock clock;

    /**
     * Creates the checker.
     *
     * @param connection the connection
     * @param adapters the adapters whose checks run
     * @param clock the clock of detection timestamps and timeliness
     */
    public LandingChecker(DuckDBConnection connection, AdapterRegistry adapters, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the imported tools of a run and records issues and scores (replacing earlier ones of the run).
     *
     * @param request the run
     * @param results the import results
     * @return the issues found
     * @throws dev.vulcan.sot.SotException if the database fails
     */
    public List<DataQualityIssue> check(RunImportRequest request, List<ToolImportResult> results) {
        return check(request, results, Map.of());
    }

    /**
     * Checks the imported tools of a run like {@link #check(RunImportRequest, List)}, using the measurements already
     * taken for some tools ({@link #measure}) instead of querying again; only the recording (issues, scores, their
     * timestamps and timeliness) happens now.
     *
     * @param request the run
     * @param results the import results
     * @param measured measurements by tool name, taken once the tool's data and every table its checks read were
     *     final for the run
     * @return the issues found
     * @throws dev.vulcan.sot.SotException if the database fails
     */
    public List<DataQualityIssue> check(RunImportRequest request, List<ToolImportResult> results,
            Map<String, Measurement> measured) {
        Objects.requireNonNull(measured, "measured");
        UUID runId = request.runId();
        List<DataQualityIssue> issues = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try {
                Sql.update(connection, "DELETE FROM data_quality_issues WHERE run_id = ?", runId);
                Sql.update(connection, "DELETE FROM tool_quality_scores WHERE run_id = ?", runId);
                for (ToolImportResult result : results) {
                    if (result.status() != ToolImportStatus.IMPORTED) {
                        continue;
                    }
                    ToolAdapter adapter = adapters.find(result.toolName(), result.schemaVersion()).orElseThrow();
                    Measurement measurement = measured.get(result.toolName());
                    if (measurement == null || measurement.adapter() != adapter) {
                        measurement = measure(connection, runId, adapter);
                    }
                    List<DataQualityIssue> toolIssues = record(request, measurement);
                    issues.addAll(toolIssues);
                    score(request, measurement, toolIssues);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.failure("landing checks of run " + runId + " failed", e);
        }
        return issues;
    }

    /**
     * What one check found: how many violating rows and up to {@value #SAMPLE_LIMIT} samples.
     *
     * @param check the check
     * @param count violating rows
     * @param samples the first samples
     */
    public record Violations(LandingCheck check, long count, List<String> samples) {

        /**
         * Creates the finding.
         *
         * @throws NullPointerException if a component is null
         */
        public Violations {
            Objects.requireNonNull(check, "check");
            samples = List.copyOf(samples);
        }
    }

    /**
     * The read-only part of a tool's landing checks and score: every check's violations, the rows of its primary
     * table, its completeness and when its artifact was produced. Nothing in it depends on the clock.
     *
     * @param adapter the tool's adapter
     * @param violations one entry per check, in the adapter's order
     * @param rows the rows of the primary landing table for the run
     * @param completeness the adapter's completeness measure, null when it gives none
     * @param produced the artifact's production time, null when unknown
     */
    public record Measurement(ToolAdapter adapter, List<Violations> violations, long rows, Double completeness,
            Timestamp produced) {

        /**
         * Creates the measurement.
         *
         * @throws NullPointerException if the adapter or the violations are null
         */
        public Measurement {
            Objects.requireNonNull(adapter, "adapter");
            violations = List.copyOf(violations);
        }
    }

    /**
     * Runs a tool's landing-check queries and score inputs for a run, reading only: the tool's tables and the
     * layout's must be final for the run for the result to equal what {@link #check} would find later.
     *
     * @param connection any connection to the database
     * @param runId the run
     * @param adapter the tool's adapter
     * @return the measurement
     * @throws SQLException if a query fails
     */
    public static Measurement measure(DuckDBConnection connection, UUID runId, ToolAdapter adapter) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(adapter, "adapter");
        List<Violations> violations = new ArrayList<>();
        for (LandingCheck check : adapter.landingChecks()) {
            long count = 0;
            List<String> samples = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(Sql.forRun(check.violationsSql(), runId));
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (samples.size() < SAMPLE_LIMIT) {
                        samples.add(String.valueOf(rs.getString(1)));
                    }
                    count++;
                }
            }
            violations.add(new Violations(check, count, samples));
        }
        long rows = Sql.count(connection, "SELECT count(*) FROM " + adapter.primaryTable() + " WHERE run_id = ?", runId);
        Double completeness = Sql.number(connection, Sql.forRun(adapter.completenessSql(), runId));
        Timestamp produced = null;
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT max(timestamp) FROM lz_tool_runs WHERE run_id = ? AND tool_name = ?", runId, adapter.toolName());
                ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                produced = rs.getTimestamp(1);
            }
        }
        return new Measurement(adapter, violations, rows, completeness, produced);
    }

    private List<DataQualityIssue> record(RunImportRequest request, Measurement measurement) throws SQLException {
        ToolAdapter adapter = measurement.adapter();
        List<DataQualityIssue> issues = new ArrayList<>();
        for (Violations found : measurement.violations()) {
            if (found.count() == 0) {
                continue;
            }
            LandingCheck check = found.check();
            DataQualityIssue issue = new DataQualityIssue(request.runId(), adapter.toolName(), check.name(),
                    check.dimension(), found.count(), found.samples(), check.description());
            issues.add(issue);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO data_quality_issues VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Array array = connection.createArrayOf("VARCHAR", found.samples().toArray());
                insert.setObject(1, request.runId());
                insert.setObject(2, request.repoId());
                insert.setString(3, adapter.toolName());
                insert.setString(4, check.name());
                insert.setString(5, check.dimension().code());
                insert.setLong(6, found.count());
                insert.setArray(7, array);
                insert.setString(8, check.description());
                insert.setObject(9, Sql.utc(clock.instant()));
                insert.executeUpdate();
            }
        }
        return issues;
    }

    private void score(RunImportRequest request, Measurement measurement, List<DataQualityIssue> issues)
            throws SQLException {
        UUID runId = request.runId();
        ToolAdapter adapter = measurement.adapter();
        long rows = measurement.rows();
        Map<QualityDimension, Long> violations = new EnumMap<>(QualityDimension.class);
        for (DataQualityIssue issue : issues) {
            violations.merge(issue.dimension(), issue.violationCount(), Long::sum);
        }
        Double completeness = measurement.completeness();
        double validity = share(violations.getOrDefault(QualityDimension.VALIDITY, 0L), rows);
        double consistency = share(violations.getOrDefault(QualityDimension.CONSISTENCY, 0L), rows);
        double timeliness = timeliness(Sql.instant(measurement.produced()), clock.instant());
        QualityScore score = new QualityScore(runId, adapter.toolName(), clamp(completeness == null ? 0 : completeness),
                validity, consistency, timeliness);
        Sql.update(connection, "INSERT INTO tool_quality_scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runId,
                request.repoId(), adapter.toolName(), score.completeness(), score.validity(), score.consistency(),
                score.timeliness(), score.overall(), Sql.utc(clock.instant()));
    }

    /**
     * Returns {@code 1 - min(1, violations / rows)}, 1 when there are no rows and no violations.
     *
     * @param violations the violation count
     * @param rows the row count
     * @return the share of rows without violation
     */
    static double share(long violations, long rows) {
        if (violations == 0) {
            return 1.0;
        }
        return rows == 0 ? 0.0 : 1.0 - Math.min(1.0, (double) violations / rows);
    }

    /**
     * Returns the timeliness of an artifact produced at {@code produced} and imported at {@code now}.
     *
     * @param produced when the artifact was produced, null if unknown (timeliness 0)
     * @param now the import time
     * @return 1 for an artifact produced now (or in the future), falling linearly to 0 at the horizon
     */
    static double timeliness(Instant produced, Instant now) {
        if (produced == null) {
            return 0.0;
        }
        double age = Duration.between(produced, now).toMillis();
        return clamp(1.0 - Math.max(0, age) / TIMELINESS_HORIZON.toMillis());
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
