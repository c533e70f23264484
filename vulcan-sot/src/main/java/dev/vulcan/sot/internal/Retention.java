package dev.vulcan.sot.internal;

import dev.vulcan.sot.CollectionRunStatus;
import dev.vulcan.sot.internal.adapter.AdapterRegistry;
import dev.vulcan.sot.internal.adapter.LandingTable;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import dev.vulcan.sot.retention.ArchivedTable;
import dev.vulcan.sot.retention.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * Applies a {@link RetentionPolicy}: for every completed run past the landing TTL that still has landing rows,
 * exports each adapter table's rows of the run to Parquet, then deletes them in one transaction per run and
 * records them in {@code sot_retention_log}. {@code lz_tool_runs} and {@code sot_import_log} stay (they are the
 * record that the run was imported, which replace semantics rely on), and so do the marts.
 */
public final class Retention {

    private final DuckDBConnection connection;
    private final AdapterRegistry adapters;
    private final Clock clock;

    /**
     * Creates the retention job.
     *
     * @param connection the connection
     * @param adapters the adapters whose tables are archived
     * @param clock the clock of log timestamps
     */
    public Retention(DuckDBConnection connection, AdapterRegistry adapters, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies the policy.
     *
     * @param policy the policy
     * @param now the reference time of the TTL
     * @return the tables archived
     * @throws dev.vulcan.sot.SotException if the database or the export fails (the run being archived keeps
     *     its rows)
     */
    public List<ArchivedTable> apply(RetentionPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        List<ArchivedTable> archived = new ArrayList<>();
        try {
            List<String[]> runs = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection, "SELECT CAST(c.run_id AS VARCHAR),"
                    + " CAST(c.repo_id AS VARCHAR), c.commit FROM collection_runs c WHERE c.status = ?"
                    + " AND c.completed_at <= ? AND EXISTS (SELECT 1 FROM lz_tool_runs t WHERE t.run_id = c.run_id)"
                    + " ORDER BY c.completed_at, c.run_id", CollectionRunStatus.COMPLETED.code(),
                    Sql.utc(now.minus(policy.landingTtl()))); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runs.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] run : runs) {
                archived.addAll(archiveRun(policy.coldStorage(), UUID.fromString(run[0]), UUID.fromString(run[1]), run[2]));
            }
        } catch (SQLException e) {
            throw Sql.failure("retention failed", e);
        } catch (IOException e) {
            throw new dev.vulcan.sot.SotException("retention failed: cannot write cold storage: " + e.getMessage(), e);
        }
        return archived;
    }

    private List<ArchivedTable> archiveRun(Path cold, UUID runId, UUID repoId, String commit)
            throws SQLException, IOException {
        List<ArchivedTable> tables = new ArrayList<>();
        List<String> tools = Sql.strings(connection, "SELECT DISTINCT tool_name FROM lz_tool_runs WHERE run_id = ?"
                + " ORDER BY 1", runId);
        for (String tool : tools) {
            for (ToolAdapter adapter : adapters.all()) {
                if (!adapter.toolName().equals(tool)) {
                    continue;
                }
                for (LandingTable table : adapter.landingTables()) {
                    long rows = Sql.count(connection, "SELECT count(*) FROM " + table.name() + " WHERE run_id = ?", runId);
                    if (rows == 0) {
                        continue;
                    }
                    Path dir = cold.resolve(repoId.toString()).resolve(runId.toString()).resolve(tool).resolve(commit);
                    Files.createDirectories(dir);
                    Path file = dir.resolve(table.name() + ".parquet").toAbsolutePath();
                    Sql.exec(connection, "COPY (SELECT * FROM " + table.name() + " WHERE run_id = '" + runId
                            + "') TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
                    tables.add(new ArchivedTable(runId, tool, table.name(), rows, file));
                }
            }
        }
        connection.setAutoCommit(false);
        try {
            for (ArchivedTable table : tables) {
                Sql.update(connection, "DELETE FROM " + table.table() + " WHERE run_id = ?", runId);
                Sql.update(connection, "INSERT INTO sot_retention_log VALUES (?, ?, ?, ?, ?, ?, ?)", runId, repoId,
                        table.toolName(), table.table(), table.rows(), table.parquetFile().toString(),
                        Sql.utc(clock.instant()));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return tables;
    }
}
