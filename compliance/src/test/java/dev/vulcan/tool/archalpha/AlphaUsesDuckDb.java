package dev.vulcan.tool.archalpha;

import java.sql.Connection;

/** Breaks the DuckDB rule on purpose: a "tool" class naming DuckDB's connection type. */
public final class AlphaUsesDuckDb {

    private AlphaUsesDuckDb() {
    }

    /**
     * Tells whether a connection is DuckDB's.
     *
     * @param connection a connection
     * @return true for DuckDB
     */
    public static boolean isDuckDb(Connection connection) {
        return connection instanceof org.duckdb.DuckDBConnection;
    }
}
