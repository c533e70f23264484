package dev.vulcan.sot.retention;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * One landing table of one run exported to cold storage and deleted from DuckDB.
 *
 * @param runId the run
 * @param toolName the tool whose adapter wrote the table
 * @param table the landing table
 * @param rows the rows exported and deleted
 * @param parquetFile the Parquet file written
 */
public record ArchivedTable(UUID runId, String toolName, String table, long rows, Path parquetFile) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if a component is null
     */
    public ArchivedTable {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(parquetFile, "parquetFile");
    }
}
