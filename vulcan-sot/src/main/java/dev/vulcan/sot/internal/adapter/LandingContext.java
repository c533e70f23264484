package dev.vulcan.sot.internal.adapter;

import java.util.Objects;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * What an adapter needs to land rows: the connection (inside the tool's transaction) and the keys every
 * landing row carries.
 *
 * @param connection the connection, auto-commit off
 * @param runPk the {@code lz_tool_runs.run_pk} of this tool execution
 * @param runId the collection run
 * @param repoId the repository
 */
public record LandingContext(DuckDBConnection connection, long runPk, UUID runId, UUID repoId) {

    /**
     * Creates the context.
     *
     * @throws NullPointerException if a component is null
     */
    public LandingContext {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
    }
}
