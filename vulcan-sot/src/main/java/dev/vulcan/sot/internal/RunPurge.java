package dev.vulcan.sot.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * Removes every row of earlier imports of a run, in one transaction: landing tables, import log, issues,
 * scores, marts, flags and claims (every base table with a {@code run_id} column), and the
 * {@code collection_runs} rows of the replaced runs other than the current one.
 */
final class RunPurge {

    private RunPurge() {
    }

    static void purge(DuckDBConnection connection, Collection<UUID> runs, UUID currentRun) throws SQLException {
        Objects.requireNonNull(currentRun, "currentRun");
        List<String> tables = Sql.strings(connection, "SELECT t.table_name FROM information_schema.tables t"
                + " JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " WHERE t.table_schema = 'main' AND t.table_type = 'BASE TABLE' AND c.column_name = 'run_id'"
                + " AND t.table_name <> 'collection_runs' ORDER BY 1");
        connection.setAutoCommit(false);
        try {
            for (UUID run : runs) {
                for (String table : tables) {
                    Sql.update(connection, "DELETE FROM \"" + table + "\" WHERE run_id = ?", run);
                }
                if (!run.equals(currentRun)) {
                    Sql.update(connection, "DELETE FROM collection_runs WHERE run_id = ?", run);
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
