package dev.vulcan.sot.internal;

import java.sql.SQLException;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB settings of the landing step, in one place so that the import and its benchmark use the same ones.
 *
 * <ul>
 *   <li>{@link #prepareToolConnection}: a tool's own landing connection does not preserve insertion order
 *       ({@code SET SESSION preserve_insertion_order = false}), so {@code INSERT ... SELECT ... FROM read_csv(...)}
 *       scans and inserts without keeping the spool's row order. Landing tables have no order: every query that
 *       depends on one (samples of landing checks, the Layout API, marts) has its own {@code ORDER BY}. The setting
 *       is per session, so models and queries on other connections are not affected.</li>
 *   <li>{@link #deferCheckpoints} / {@link #checkpoint}: while the tools of a run land, DuckDB's automatic
 *       checkpoint on commit (when the WAL passes {@code checkpoint_threshold}, 16 MiB by default) is deferred, and
 *       the import ends with one explicit {@code CHECKPOINT}, after every tool, the import log and the landing
 *       checks have committed. Each commit is still durable (the WAL is written and synced at commit); the
 *       checkpoint only moves the WAL into the main file, once per run instead of once per large tool, and not
 *       inside a tool's landing time (it is inside {@code importRun}'s).</li>
 *   <li>{@link #configureDatabase}: the database runs with DuckDB's FSST string compression disabled
 *       ({@code SET GLOBAL disabled_compression_methods = 'fsst'}; dictionary, RLE and the other methods still
 *       apply; a global setting, because DuckDB 1.5 ignores it as a connection property). A
 *       checkpoint analyzes every candidate compression of every new column segment, and FSST's analysis was
 *       about half of each checkpoint's time: on this repository's run the import's checkpoint fell from
 *       0.18–0.24 s to 0.07–0.11 s and the models' from 0.17–0.20 s to 0.09–0.11 s. The price is disk: the
 *       OpenJDK sources' database grew from 161 MB to 220 MB (vulcan-orchestrator/README.md, "Speed").</li>
 * </ul>
 */
public final class LandingSettings {

    /** The WAL size up to which no automatic checkpoint runs while a run's tools land. */
    static final String DEFERRED_CHECKPOINT_THRESHOLD = "1GiB";

    /** The compression methods no checkpoint of the source of truth considers. */
    static final String DISABLED_COMPRESSION_METHODS = "fsst";

    private LandingSettings() {
    }

    /**
     * Configures a database just opened for the source of truth (global settings, for every connection to it).
     *
     * @param connection any connection to the database
     * @throws SQLException if a setting is refused
     */
    public static void configureDatabase(DuckDBConnection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Sql.exec(connection, "SET GLOBAL disabled_compression_methods = '" + DISABLED_COMPRESSION_METHODS + "'");
    }

    /**
     * Prepares a tool's landing connection (a session of its own, before its transaction starts).
     *
     * @param connection the tool's connection
     * @throws SQLException if the setting is refused
     */
    public static void prepareToolConnection(DuckDBConnection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Sql.exec(connection, "SET SESSION preserve_insertion_order = false");
    }

    /**
     * Defers automatic checkpoints of the database until {@link #checkpoint} (a global setting of the database).
     *
     * @param connection any connection to the database
     * @throws SQLException if the setting is refused
     */
    public static void deferCheckpoints(DuckDBConnection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Sql.exec(connection, "SET GLOBAL checkpoint_threshold = '" + DEFERRED_CHECKPOINT_THRESHOLD + "'");
    }

    /**
     * Restores DuckDB's default checkpoint threshold and checkpoints the database once.
     *
     * @param connection any connection to the database, with no open transaction
     * @throws SQLException if the threshold cannot be reset or the checkpoint fails
     */
    public static void checkpoint(DuckDBConnection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Sql.exec(connection, "RESET GLOBAL checkpoint_threshold");
        Sql.exec(connection, "CHECKPOINT");
    }
}
