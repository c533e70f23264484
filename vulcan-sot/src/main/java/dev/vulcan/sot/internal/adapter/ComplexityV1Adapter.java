package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.sot.QualityDimension;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Lands complexity artifacts of schema major version 1 into {@code tool_complexity_files} (per-file nloc,
 * function count, max and average CCN — the lizard-style inputs of Appendix B.2),
 * {@code tool_complexity_functions} (one row per function), {@code code_symbols} (one row per declared symbol with
 * its export status) and {@code symbol_calls} (one row per call site, caller → callee with the tool's resolution):
 * the inputs of the call-graph marts (Appendix D.3, D.4). Artifacts without {@code symbols}/{@code calls} (the
 * fields are optional in the landing contract) land no rows there.
 */
public final class ComplexityV1Adapter implements ToolAdapter {

    /** The tool name. */
    public static final String TOOL = "complexity";

    private static final String FILES_DDL = """
            CREATE TABLE IF NOT EXISTS tool_complexity_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                language VARCHAR,
                nloc BIGINT NOT NULL,
                function_count BIGINT NOT NULL,
                max_ccn BIGINT,
                avg_ccn DOUBLE,
                parse_error_count BIGINT
            )""";

    private static final String FUNCTIONS_DDL = """
            CREATE TABLE IF NOT EXISTS tool_complexity_functions (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                qualified_name VARCHAR,
                kind VARCHAR,
                start_line BIGINT,
                end_line BIGINT,
                nloc BIGINT,
                params BIGINT,
                tokens BIGINT,
                ccn BIGINT NOT NULL,
                cognitive BIGINT
            )""";

    private static final String SYMBOLS_DDL = """
            CREATE TABLE IF NOT EXISTS code_symbols (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                language VARCHAR,
                name VARCHAR NOT NULL,
                qualified_name VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                start_line BIGINT,
                end_line BIGINT,
                is_exported BOOLEAN NOT NULL
            )""";

    private static final String CALLS_DDL = """
            CREATE TABLE IF NOT EXISTS symbol_calls (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                line BIGINT,
                caller VARCHAR,
                callee VARCHAR NOT NULL,
                receiver VARCHAR,
                callee_resolved VARCHAR,
                resolution VARCHAR NOT NULL
            )""";

    private static final Map<String, String> FILE_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "language VARCHAR", "nloc BIGINT", "function_count BIGINT", "max_ccn BIGINT", "avg_ccn DOUBLE",
            "parse_error_count BIGINT");

    private static final Map<String, String> FUNCTION_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "name VARCHAR", "qualified_name VARCHAR", "kind VARCHAR", "start_line BIGINT", "end_line BIGINT",
            "nloc BIGINT", "params BIGINT", "tokens BIGINT", "ccn BIGINT", "cognitive BIGINT");

    private static final Map<String, String> SYMBOL_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "language VARCHAR", "name VARCHAR", "qualified_name VARCHAR", "kind VARCHAR", "start_line BIGINT",
            "end_line BIGINT", "is_exported BOOLEAN");

    private static final Map<String, String> CALL_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "line BIGINT", "caller VARCHAR", "callee VARCHAR", "receiver VARCHAR", "callee_resolved VARCHAR",
            "resolution VARCHAR");

    /** Creates the adapter. */
    public ComplexityV1Adapter() {
    }

    @Override
    public String toolName() {
        return TOOL;
    }

    @Override
    public int schemaMajor() {
        return 1;
    }

    @Override
    public List<LandingTable> landingTables() {
        return List.of(new LandingTable("tool_complexity_files", FILES_DDL),
                new LandingTable("tool_complexity_functions", FUNCTIONS_DDL),
                new LandingTable("code_symbols", SYMBOLS_DDL), new LandingTable("symbol_calls", CALLS_DDL));
    }

    @Override
    public String primaryTable() {
        return "tool_complexity_files";
    }

    @Override
    public List<PathField> pathFields() {
        return List.of(new PathField("files", "path", false), new PathField("symbols", "path", false),
                new PathField("calls", "path", false));
    }

    @Override
    public void validate(Envelope envelope) {
        int i = 0;
        for (JsonNode file : Rows.elements(envelope.data(), "files")) {
            long declared = file.get("function_count").asLong();
            int listed = file.get("functions").size();
            if (declared != listed) {
                throw new AdapterRejection("data.files[" + i + "] '" + file.get("path").asString() + "': function_count "
                        + declared + " but " + listed + " functions listed");
            }
            i++;
        }
    }

    @Override
    public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
        long files;
        long functions;
        try (BulkRows fileRows = new BulkRows("tool_complexity_files", FILE_COLUMNS);
                BulkRows functionRows = new BulkRows("tool_complexity_functions", FUNCTION_COLUMNS)) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                fileRows.row(file);
                for (JsonNode function : Rows.elements(file, "functions")) {
                    functionRows.text(file, "file_id");
                    functionRows.text(file, "path");
                    functionRows.text(function, "name");
                    functionRows.text(function, "qualified_name");
                    functionRows.text(function, "kind");
                    functionRows.integer(function, "start_line");
                    functionRows.integer(function, "end_line");
                    functionRows.integer(function, "nloc");
                    functionRows.integer(function, "params");
                    functionRows.integer(function, "tokens");
                    functionRows.integer(function, "ccn");
                    functionRows.integer(function, "cognitive");
                    functionRows.endRow();
                }
            }
            files = fileRows.insert(context);
            functions = functionRows.insert(context);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tool_complexity_files", files);
        counts.put("tool_complexity_functions", functions);
        counts.put("code_symbols", landSymbols(context, envelope.data()));
        counts.put("symbol_calls", landCalls(context, envelope.data()));
        return counts;
    }

    private static long landSymbols(LandingContext context, JsonNode data) throws SQLException {
        try (BulkRows rows = new BulkRows("code_symbols", SYMBOL_COLUMNS)) {
            for (JsonNode symbol : Rows.elements(data, "symbols")) {
                rows.row(symbol);
            }
            return rows.insert(context);
        }
    }

    private static long landCalls(LandingContext context, JsonNode data) throws SQLException {
        try (BulkRows rows = new BulkRows("symbol_calls", CALL_COLUMNS)) {
            for (JsonNode call : Rows.elements(data, "calls")) {
                rows.row(call);
            }
            return rows.insert(context);
        }
    }

    @Override
    public List<LandingCheck> landingChecks() {
        return List.of(
                new LandingCheck("file_id_in_layout", QualityDimension.VALIDITY,
                        "every file_id exists in the layout of the same run",
                        "SELECT t.path AS sample FROM tool_complexity_files t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("unique_file_id", QualityDimension.VALIDITY,
                        "file_id is unique within the run",
                        "SELECT file_id AS sample FROM tool_complexity_files WHERE run_id = '{run_id}'"
                                + " GROUP BY file_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("file_id_matches_path", QualityDimension.VALIDITY,
                        "file_id is the canonical id of path ('f-' + first 12 hex of sha256(path))",
                        "SELECT path AS sample FROM tool_complexity_files WHERE run_id = '{run_id}'"
                                + " AND file_id <> 'f-' || left(sha256(path), 12) ORDER BY 1"),
                new LandingCheck("max_ccn_matches_functions", QualityDimension.CONSISTENCY,
                        "a file's max_ccn is the largest ccn of its functions (NULL without functions)",
                        "SELECT f.path AS sample FROM tool_complexity_files f LEFT JOIN (SELECT file_id, max(ccn) AS ccn"
                                + " FROM tool_complexity_functions WHERE run_id = '{run_id}' GROUP BY file_id) g"
                                + " ON g.file_id = f.file_id WHERE f.run_id = '{run_id}'"
                                + " AND f.max_ccn IS DISTINCT FROM g.ccn ORDER BY 1"),
                new LandingCheck("symbol_file_id_in_layout", QualityDimension.VALIDITY,
                        "every code_symbols file_id exists in the layout of the same run",
                        "SELECT DISTINCT t.path AS sample FROM code_symbols t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("call_file_id_in_layout", QualityDimension.VALIDITY,
                        "every symbol_calls file_id exists in the layout of the same run",
                        "SELECT DISTINCT t.path AS sample FROM symbol_calls t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("symbol_file_id_matches_path", QualityDimension.VALIDITY,
                        "a symbol's or call's file_id is the canonical id of its path",
                        "SELECT DISTINCT path AS sample FROM (SELECT path, file_id FROM code_symbols"
                                + " WHERE run_id = '{run_id}' UNION ALL SELECT path, file_id FROM symbol_calls"
                                + " WHERE run_id = '{run_id}') WHERE file_id <> 'f-' || left(sha256(path), 12)"
                                + " ORDER BY 1"),
                new LandingCheck("call_caller_is_declared", QualityDimension.CONSISTENCY,
                        "a call's caller (when not module level) is a function declared in the same file",
                        "SELECT DISTINCT c.path || ':' || c.caller AS sample FROM symbol_calls c"
                                + " WHERE c.run_id = '{run_id}' AND c.caller IS NOT NULL AND NOT EXISTS (SELECT 1"
                                + " FROM tool_complexity_functions f WHERE f.run_id = c.run_id"
                                + " AND f.file_id = c.file_id AND f.qualified_name = c.caller) ORDER BY 1"));
    }

    @Override
    public String completenessSql() {
        // Source files of the layout that the tool analyzed, over all source files of the layout.
        return "SELECT CASE WHEN count(*) = 0 THEN 0.0 ELSE count(t.file_id)::DOUBLE / count(*) END"
                + " FROM lz_layout_files l LEFT JOIN (SELECT DISTINCT file_id FROM tool_complexity_files"
                + " WHERE run_id = '{run_id}') t ON t.file_id = l.file_id"
                + " WHERE l.run_id = '{run_id}' AND l.category = 'source'";
    }
}
