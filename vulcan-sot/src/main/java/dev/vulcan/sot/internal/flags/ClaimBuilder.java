package dev.vulcan.sot.internal.flags;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.sot.flags.ClaimType;
import dev.vulcan.sot.flags.EpistemicClaim;
import dev.vulcan.sot.internal.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * Builds the claims of a run from its landing tables and marts: the file universe and the LOC total as FACTs,
 * the dominant language as a DERIVED claim whose confidence is the share of layout files with a LOC value.
 * Each claim is validated against the epistemic-claim schema and stored in {@code epistemic_claims}.
 */
public final class ClaimBuilder {

    private final DuckDBConnection connection;
    private final Clock clock;

    /**
     * Creates the builder.
     *
     * @param connection the connection
     * @param clock the clock of creation timestamps
     */
    public ClaimBuilder(DuckDBConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Builds and stores the claims of a run (replacing its earlier ones).
     *
     * @param runId the run
     * @return the claims, empty when the run has no landed tool artifact
     * @throws dev.vulcan.sot.SotException if the database fails
     */
    public List<EpistemicClaim> build(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        try {
            List<String> commits = Sql.strings(connection, "SELECT DISTINCT commit FROM lz_tool_runs WHERE run_id = ?", runId);
            if (commits.isEmpty()) {
                store(runId, List.of());
                return List.of();
            }
            String commit = commits.get(0);
            Map<String, String> versions = new TreeMap<>();
            try (PreparedStatement statement = Sql.prepare(connection,
                    "SELECT tool_name, tool_version FROM lz_tool_runs WHERE run_id = ?", runId);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getString(2));
                }
            }
            List<EpistemicClaim> claims = new ArrayList<>();
            if (versions.containsKey("layout-scanner")) {
                long files = Sql.count(connection, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", runId);
                long dirs = Sql.count(connection, "SELECT count(*) FROM lz_layout_directories WHERE run_id = ?", runId);
                claims.add(new EpistemicClaim(runId + ":layout_file_count",
                        "The repository holds " + files + " files in " + dirs + " directories at commit " + commit + ".",
                        ClaimType.FACT, List.of("tool:layout-scanner", "sot:lz_layout_files"), null, null, runId, commit,
                        Map.of("layout-scanner", versions.get("layout-scanner"))));
            }
            boolean marts = Sql.count(connection, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'main' AND table_name = 'language_summary'") > 0;
            if (versions.containsKey("loc") && marts) {
                long loc = Sql.count(connection, "SELECT coalesce(sum(loc), 0) FROM file_metrics WHERE run_id = ?", runId);
                long measured = Sql.count(connection, "SELECT count(loc) FROM file_metrics WHERE run_id = ?", runId);
                long all = Sql.count(connection, "SELECT count(*) FROM file_metrics WHERE run_id = ?", runId);
                claims.add(new EpistemicClaim(runId + ":total_loc",
                        "loc counted " + loc + " lines in " + measured + " files.", ClaimType.FACT,
                        List.of("tool:loc", "sot:file_metrics"), null, null, runId, commit, versions));
                try (PreparedStatement statement = Sql.prepare(connection, "SELECT language, total_loc FROM language_summary"
                        + " WHERE run_id = ? AND total_loc IS NOT NULL ORDER BY total_loc DESC, language LIMIT 1", runId);
                        ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && all > 0 && loc > 0) {
                        double share = rs.getLong(2) / (double) loc;
                        double confidence = measured / (double) all;
                        claims.add(new EpistemicClaim(runId + ":dominant_language",
                                String.format(Locale.ROOT, "%s is the dominant language with %.1f%% of the counted lines.",
                                        rs.getString(1), share * 100), ClaimType.DERIVED,
                                List.of("sot:language_summary", "sot:file_metrics", "tool:loc"), confidence,
                                String.format(Locale.ROOT, "%d of %d layout files have a LOC value", measured, all),
                                runId, commit, versions));
                    }
                }
            }
            store(runId, claims);
            return List.copyOf(claims);
        } catch (SQLException e) {
            throw Sql.failure("cannot build the claims of run " + runId, e);
        }
    }

    private void store(UUID runId, List<EpistemicClaim> claims) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Sql.update(connection, "DELETE FROM epistemic_claims WHERE run_id = ?", runId);
            for (EpistemicClaim claim : claims) {
                var json = claim.toJson();
                SchemaValidator.shared().requireValid(VulcanSchemas.EPISTEMIC_CLAIM, json, "claim " + claim.claimId());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO epistemic_claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, runId);
                    insert.setString(2, claim.claimId());
                    insert.setString(3, claim.type().code());
                    insert.setString(4, claim.statement());
                    insert.setArray(5, connection.createArrayOf("VARCHAR", claim.evidenceRefs().toArray()));
                    insert.setObject(6, claim.confidence());
                    insert.setString(7, new String(Json.toBytes(json), StandardCharsets.UTF_8).strip());
                    insert.setObject(8, Sql.utc(clock.instant()));
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
