package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Maps the artifacts of one tool and one schema major version into landing tables (architecture proposal 2.4:
 * "for each tool and schema_version, an adapter maps JSON outputs into DuckDB landing tables").
 *
 * <p>An adapter declares its landing contract: the data contract its artifacts are validated against before
 * import (a JSON Schema it carries on the classpath, so the engine never depends on a tool module), the tables
 * it writes, the path fields checked against the path rules, and the landing checks run after import. A new
 * major schema version of a tool gets a new adapter; older artifacts stay importable through the old one.
 */
public interface ToolAdapter {

    /**
     * Returns the tool this adapter reads.
     *
     * @return the tool name
     */
    String toolName();

    /**
     * Returns the schema major version this adapter reads; it accepts every {@code MAJOR.x.y}.
     *
     * @return the major version
     */
    int schemaMajor();

    /**
     * Returns a stable name of the adapter, stored in {@code lz_tool_runs.adapter}.
     *
     * @return such as {@code loc/v1}
     */
    default String adapterName() {
        return toolName() + "/v" + schemaMajor();
    }

    /**
     * Returns the id of the data contract the artifact's {@code data} must satisfy, a classpath schema. By
     * convention (which the compliance validator also relies on) it is
     * {@code dev/vulcan/sot/contracts/TOOL/vMAJOR/data.schema.json}.
     *
     * @return the schema id
     */
    default String contractSchemaId() {
        return "classpath:dev/vulcan/sot/contracts/" + toolName() + "/v" + schemaMajor() + "/data.schema.json";
    }

    /**
     * Returns the tables this adapter writes.
     *
     * @return the landing tables
     */
    List<LandingTable> landingTables();

    /**
     * Returns the table whose row count is the tool's row count in quality scores.
     *
     * @return a table of {@link #landingTables()}
     */
    String primaryTable();

    /**
     * Returns the path fields checked by pre-import validation.
     *
     * @return the path fields
     */
    List<PathField> pathFields();

    /**
     * Checks the rules of the artifact that its contract schema cannot express.
     *
     * @param envelope the validated envelope
     * @throws AdapterRejection naming the element and the rule when a rule is broken
     */
    void validate(Envelope envelope);

    /**
     * Lands the artifact's rows.
     *
     * @param context the connection and keys
     * @param envelope the validated envelope
     * @return rows written per table
     * @throws SQLException if writing fails; the caller rolls the tool's transaction back
     */
    Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException;

    /**
     * Returns the landing checks of this tool's rows.
     *
     * @return the checks
     */
    List<LandingCheck> landingChecks();

    /**
     * Returns a query computing the tool's completeness in [0, 1] for {@code {run_id}}: one row, one DOUBLE.
     *
     * @return the query
     */
    String completenessSql();
}
