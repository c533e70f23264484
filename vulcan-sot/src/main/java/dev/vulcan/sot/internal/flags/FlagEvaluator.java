package dev.vulcan.sot.internal.flags;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.severity.Severity;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.DecisionLabel;
import dev.vulcan.sot.flags.FlagCode;
import dev.vulcan.sot.flags.FlagSettings;
import dev.vulcan.sot.internal.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * Computes the decision flags of a run from the import log, the landing tables and the marts, validates each
 * against the decision-flag schema and stores them in {@code decision_flags} (replacing the run's earlier ones).
 * Marts that were not built (or failed) count as referencing no file: LOW_FILE_COVERAGE is then raised with
 * coverage 0, and METRIC_DISAGREEMENT_LOC and METRIC_DISAGREEMENT_COMPLEXITY, which need file_metrics, are not
 * evaluated; KNOWLEDGE_CONCENTRATION needs the knowledge_concentration mart (a run without git-history has no row
 * there and never raises it).
 */
public final class FlagEvaluator {

    private final DuckDBConnection connection;
    private final Clock clock;

    /**
     * Creates the evaluator.
     *
     * @param connection the connection
     * @param clock the clock of creation timestamps
     */
    public FlagEvaluator(DuckDBConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Computes and stores the flags of a run.
     *
     * @param runId the run
     * @param settings the thresholds
     * @return the raised flags
     * @throws IllegalArgumentException if the run was neither started nor imported
     * @throws SotException if the database fails
     */
    public List<DecisionFlag> evaluate(UUID runId, FlagSettings settings) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(settings, "settings");
        try {
            UUID repoId = repoId(runId);
            List<DecisionFlag> flags = new ArrayList<>();
            incompleteLayout(runId).ifPresent(flags::add);
            incompleteToolSet(runId, settings).ifPresent(flags::add);
            lowFileCoverage(runId, settings).ifPresent(flags::add);
            if (hasTable("file_metrics")) {
                locDisagreement(runId, settings).ifPresent(flags::add);
                complexityDisagreement(runId, settings).ifPresent(flags::add);
            }
            if (hasTable("knowledge_concentration")) {
                knowledgeConcentration(runId, settings).ifPresent(flags::add);
            }
            store(runId, repoId, flags);
            return List.copyOf(flags);
        } catch (SQLException e) {
            throw Sql.failure("cannot compute the flags of run " + runId, e);
        }
    }

    private Optional<DecisionFlag> incompleteLayout(UUID runId) throws SQLException {
        List<String> status = Sql.strings(connection, "SELECT status FROM sot_import_log WHERE run_id = ?"
                + " AND tool_name = 'layout-scanner'", runId);
        long files = Sql.count(connection, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", runId);
        if (status.contains(ToolImportStatus.IMPORTED.code()) && files > 0) {
            return Optional.empty();
        }
        String why = status.isEmpty() ? "no layout-scanner artifact was found"
                : status.contains(ToolImportStatus.IMPORTED.code()) ? "the layout lists no file"
                : "the layout-scanner artifact was " + status.get(0).replace('_', ' ');
        return Optional.of(new DecisionFlag(FlagCode.INCOMPLETE_LAYOUT, Severity.CRITICAL,
                DecisionLabel.RED_FLAG, "The file universe of the run is missing: " + why
                        + "; file-level results cannot be checked against the layout.",
                "sot:import", List.of("tool:layout-scanner", "sot:sot_import_log"), null, (double) files));
    }

    private Optional<DecisionFlag> incompleteToolSet(UUID runId, FlagSettings settings) throws SQLException {
        if (settings.criticalTools().isEmpty()) {
            return Optional.empty();
        }
        Set<String> imported = new TreeSet<>(Sql.strings(connection, "SELECT tool_name FROM sot_import_log"
                + " WHERE run_id = ? AND status = ?", runId, ToolImportStatus.IMPORTED.code()));
        Set<String> missing = new TreeSet<>(settings.criticalTools());
        missing.removeAll(imported);
        if (missing.size() < settings.maxMissingCriticalTools()) {
            return Optional.empty();
        }
        List<String> refs = missing.stream().map(t -> "tool:" + t).toList();
        return Optional.of(new DecisionFlag(FlagCode.INCOMPLETE_TOOL_SET, Severity.HIGH,
                DecisionLabel.YELLOW_FLAG, missing.size() + " critical tools produced no usable result: " + missing,
                "sot:import", refs, (double) settings.maxMissingCriticalTools(), (double) missing.size()));
    }

    private Optional<DecisionFlag> lowFileCoverage(UUID runId, FlagSettings settings) throws SQLException {
        long sources = Sql.count(connection, "SELECT count(*) FROM lz_layout_files WHERE run_id = ? AND category = 'source'",
                runId);
        if (sources == 0) {
            return Optional.empty();
        }
        long covered = hasTable("file_metrics") ? Sql.count(connection, "SELECT count(*) FROM file_metrics WHERE run_id = ?"
                + " AND category = 'source' AND loc_source IS NOT NULL", runId) : 0;
        double coverage = (double) covered / sources;
        if (coverage >= settings.lowFileCoverageThreshold()) {
            return Optional.empty();
        }
        return Optional.of(new DecisionFlag(FlagCode.LOW_FILE_COVERAGE, Severity.MEDIUM,
                DecisionLabel.YELLOW_FLAG, String.format(Locale.ROOT,
                        "Only %d of %d layout source files (%.1f%%) have metrics in file_metrics (threshold %.1f%%).",
                        covered, sources, coverage * 100, settings.lowFileCoverageThreshold() * 100),
                "sot:file_metrics", List.of("sot:file_metrics", "tool:layout-scanner", "tool:loc"),
                settings.lowFileCoverageThreshold(), coverage));
    }

    private Optional<DecisionFlag> locDisagreement(UUID runId, FlagSettings settings) throws SQLException {
        double loc;
        double layout;
        long files;
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT count(*), coalesce(sum(loc), 0),"
                + " coalesce(sum(layout_line_count), 0) FROM file_metrics WHERE run_id = ? AND loc_source = 'loc'"
                + " AND layout_line_count IS NOT NULL", runId); ResultSet rs = statement.executeQuery()) {
            rs.next();
            files = rs.getLong(1);
            loc = rs.getDouble(2);
            layout = rs.getDouble(3);
        }
        double larger = Math.max(loc, layout);
        if (files == 0 || larger == 0) {
            return Optional.empty();
        }
        double difference = Math.abs(loc - layout) / larger;
        if (difference <= settings.locDisagreementThreshold()) {
            return Optional.empty();
        }
        List<String> refs = new ArrayList<>(List.of("tool:loc", "tool:layout-scanner", "sot:file_metrics"));
        for (String fileId : Sql.strings(connection, "SELECT file_id FROM file_metrics WHERE run_id = ?"
                + " AND loc_source = 'loc' AND layout_line_count IS NOT NULL"
                + " ORDER BY abs(loc - layout_line_count) DESC, file_id LIMIT 5", runId)) {
            refs.add("file_id:" + fileId);
        }
        return Optional.of(new DecisionFlag(FlagCode.METRIC_DISAGREEMENT_LOC, Severity.MEDIUM,
                DecisionLabel.YELLOW_FLAG, String.format(Locale.ROOT,
                        "LOC sources disagree by %.1f%% over %d files: loc counts %.0f lines, layout-scanner %.0f"
                                + " (threshold %.1f%%).", difference * 100, files, loc, layout,
                        settings.locDisagreementThreshold() * 100),
                "sot:file_metrics", refs, settings.locDisagreementThreshold(), difference));
    }

    /**
     * METRIC_DISAGREEMENT_COMPLEXITY: over the files having both values, D = Σ ccn_decision_points (the complexity
     * tool's Σ(CCN − 1)) against E = Σ loc_complexity (loc's branch-token estimate of the same decision points);
     * raised when |D − E| / max(D, E) exceeds the threshold.
     */
    private Optional<DecisionFlag> complexityDisagreement(UUID runId, FlagSettings settings) throws SQLException {
        double tool;
        double estimate;
        long files;
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT count(*), coalesce(sum(ccn_decision_points), 0),"
                + " coalesce(sum(loc_complexity), 0) FROM file_metrics WHERE run_id = ?"
                + " AND ccn_decision_points IS NOT NULL AND loc_complexity IS NOT NULL", runId);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            files = rs.getLong(1);
            tool = rs.getDouble(2);
            estimate = rs.getDouble(3);
        }
        double larger = Math.max(tool, estimate);
        if (files == 0 || larger == 0) {
            return Optional.empty();
        }
        double difference = Math.abs(tool - estimate) / larger;
        if (difference <= settings.complexityDisagreementThreshold()) {
            return Optional.empty();
        }
        List<String> refs = new ArrayList<>(List.of("tool:complexity", "tool:loc", "sot:file_metrics"));
        for (String fileId : Sql.strings(connection, "SELECT file_id FROM file_metrics WHERE run_id = ?"
                + " AND ccn_decision_points IS NOT NULL AND loc_complexity IS NOT NULL"
                + " ORDER BY abs(ccn_decision_points - loc_complexity) DESC, file_id LIMIT 5", runId)) {
            refs.add("file_id:" + fileId);
        }
        return Optional.of(new DecisionFlag(FlagCode.METRIC_DISAGREEMENT_COMPLEXITY, Severity.MEDIUM,
                DecisionLabel.YELLOW_FLAG, String.format(Locale.ROOT,
                        "Complexity sources disagree by %.1f%% over %d files: the complexity tool counts %.0f decision"
                                + " points (sum of CCN - 1), loc estimates %.0f (threshold %.1f%%).",
                        difference * 100, files, tool, estimate, settings.complexityDisagreementThreshold() * 100),
                "sot:file_metrics", refs, settings.complexityDisagreementThreshold(), difference));
    }

    /**
     * KNOWLEDGE_CONCENTRATION from the run's knowledge_concentration row: raised when the truck factor is at most
     * the limit, or the top owner's share of the owned source LOC exceeds the threshold. threshold/actual values
     * are the truck factor's when it triggers, else the ownership share's.
     */
    private Optional<DecisionFlag> knowledgeConcentration(UUID runId, FlagSettings settings) throws SQLException {
        Long truckFactor;
        String topOwner;
        Double share;
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT truck_factor, top_owner, top_owner_loc_share"
                + " FROM knowledge_concentration WHERE run_id = ?", runId); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            truckFactor = rs.getObject(1) == null ? null : rs.getLong(1);
            topOwner = rs.getString(2);
            share = rs.getObject(3) == null ? null : rs.getDouble(3);
        }
        boolean lowTruckFactor = truckFactor != null && truckFactor <= settings.maxTruckFactor();
        boolean silo = share != null && share > settings.ownershipShareThreshold();
        if (!lowTruckFactor && !silo) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (lowTruckFactor) {
            reasons.add(String.format(Locale.ROOT, "truck factor %d is at most %d", truckFactor,
                    settings.maxTruckFactor()));
        }
        if (silo) {
            reasons.add(String.format(Locale.ROOT, "one author owns %.1f%% of the source code (threshold %.1f%%)",
                    share * 100, settings.ownershipShareThreshold() * 100));
        }
        List<String> refs = new ArrayList<>(List.of("tool:git-history", "sot:knowledge_concentration",
                "sot:author_ownership"));
        if (topOwner != null && silo) {
            refs.add("author:" + topOwner);
        }
        return Optional.of(new DecisionFlag(FlagCode.KNOWLEDGE_CONCENTRATION, Severity.HIGH, DecisionLabel.YELLOW_FLAG,
                "Knowledge is concentrated: " + String.join("; ", reasons) + ".", "sot:knowledge_concentration", refs,
                lowTruckFactor ? (double) settings.maxTruckFactor() : settings.ownershipShareThreshold(),
                lowTruckFactor ? (double) truckFactor : share));
    }

    private UUID repoId(UUID runId) throws SQLException {
        List<String> ids = Sql.strings(connection, "SELECT CAST(repo_id AS VARCHAR) FROM sot_import_log WHERE run_id = ?"
                + " UNION SELECT CAST(repo_id AS VARCHAR) FROM collection_runs WHERE run_id = ?", runId, runId);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("unknown run " + runId + ": neither started nor imported");
        }
        return UUID.fromString(ids.get(0));
    }

    private boolean hasTable(String table) throws SQLException {
        return Sql.count(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'main' AND table_name = ?", table) > 0;
    }

    private void store(UUID runId, UUID repoId, List<DecisionFlag> flags) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Sql.update(connection, "DELETE FROM decision_flags WHERE run_id = ?", runId);
            for (DecisionFlag flag : flags) {
                var json = flag.toJson();
                SchemaValidator.shared().requireValid(VulcanSchemas.DECISION_FLAG, json, "flag " + flag.code().code());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO decision_flags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, runId);
                    insert.setObject(2, repoId);
                    insert.setString(3, flag.code().code());
                    insert.setString(4, flag.severity().code());
                    insert.setString(5, flag.label().code());
                    insert.setString(6, flag.description());
                    insert.setString(7, flag.triggeredBy());
                    insert.setArray(8, connection.createArrayOf("VARCHAR", flag.evidenceRefs().toArray()));
                    insert.setObject(9, flag.thresholdValue());
                    insert.setObject(10, flag.actualValue());
                    insert.setString(11, new String(Json.toBytes(json), StandardCharsets.UTF_8).strip());
                    insert.setObject(12, Sql.utc(clock.instant()));
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
