package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.sot.QualityDimension;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import tools.jackson.databind.JsonNode;

/**
 * Lands loc artifacts of schema major version 1 into {@code tool_loc_files} (one row per file, as
 * {@code tool_scc_files} of Appendix A.2), {@code tool_loc_languages} (the per-language totals of
 * {@code summary.languages}, as {@code tool_scc_summary}) and {@code tool_loc_summary} (the whole summary as JSON).
 * A file without {@code file_id} gets the canonical id of its path; a given file_id that differs from it is
 * kept and reported by the {@code file_id_matches_path} landing check.
 */
public final class LocV1Adapter implements ToolAdapter {

    /** The tool name. */
    public static final String TOOL = "loc";

    private static final String FILES_DDL = """
            CREATE TABLE IF NOT EXISTS tool_loc_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                language VARCHAR,
                lines BIGINT NOT NULL,
                code BIGINT,
                comments BIGINT,
                blanks BIGINT,
                complexity BIGINT
            )""";

    private static final String SUMMARY_DDL = """
            CREATE TABLE IF NOT EXISTS tool_loc_summary (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                summary_json VARCHAR NOT NULL
            )""";

    private static final String LANGUAGES_DDL = """
            CREATE TABLE IF NOT EXISTS tool_loc_languages (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                language VARCHAR NOT NULL,
                file_count BIGINT NOT NULL,
                total_lines BIGINT NOT NULL,
                total_code BIGINT,
                total_comments BIGINT,
                total_blanks BIGINT,
                total_complexity BIGINT
            )""";

    private static final Map<String, String> FILE_COLUMNS = BulkRows.columns("file_id VARCHAR",
            "path VARCHAR", "language VARCHAR", "lines BIGINT", "code BIGINT", "comments BIGINT", "blanks BIGINT",
            "complexity BIGINT");

    /** Creates the adapter. */
    public LocV1Adapter() {
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
        return List.of(new LandingTable("tool_loc_files", FILES_DDL), new LandingTable("tool_loc_summary", SUMMARY_DDL),
                new LandingTable("tool_loc_languages", LANGUAGES_DDL));
    }

    @Override
    public String primaryTable() {
        return "tool_loc_files";
    }

    @Override
    public List<PathField> pathFields() {
        return List.of(new PathField("files", "path", false));
    }

    @Override
    public void validate(Envelope envelope) {
        // The contract schema and the path rules cover every rule of loc v1 artifacts; cross-file rules
        // (file_id in layout, duplicates, line sums) are landing checks, recorded rather than rejected.
        int i = 0;
        for (JsonNode file : Rows.elements(envelope.data(), "files")) {
            JsonNode code = file.get("code");
            JsonNode lines = file.get("lines");
            if (code != null && !code.isNull() && code.asLong() > lines.asLong()) {
                throw new AdapterRejection("data.files[" + i + "] '" + file.get("path").asString() + "': code "
                        + code.asLong() + " exceeds lines " + lines.asLong());
            }
            i++;
        }
    }

    @Override
    public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
        long files;
        try (BulkRows rows = new BulkRows("tool_loc_files", FILE_COLUMNS)) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                String path = file.get("path").asString();
                JsonNode fileId = file.get("file_id");
                rows.text(fileId == null || fileId.isNull() ? CanonicalIds.fileId(path) : fileId.asString());
                rows.text(path);
                rows.text(file, "language");
                rows.integer(file, "lines");
                rows.integer(file, "code");
                rows.integer(file, "comments");
                rows.integer(file, "blanks");
                rows.integer(file, "complexity");
                rows.endRow();
            }
            files = rows.insert(context);
        }
        long languages = 0;
        long summaries = 0;
        JsonNode summary = envelope.data().get("summary");
        if (summary != null && summary.isObject()) {
            try (DuckDBAppender appender = context.connection().createAppender("main", "tool_loc_languages")) {
                for (JsonNode language : Rows.elements(summary, "languages")) {
                    appender.beginRow();
                    Rows.keys(appender, context);
                    Rows.text(appender, language, "name");
                    Rows.integer(appender, language, "files");
                    Rows.integer(appender, language, "lines");
                    Rows.integer(appender, language, "code");
                    Rows.integer(appender, language, "comments");
                    Rows.integer(appender, language, "blanks");
                    Rows.integer(appender, language, "complexity");
                    appender.endRow();
                    languages++;
                }
                appender.flush();
            }
        }
        if (summary != null && summary.isObject()) {
            try (PreparedStatement insert = context.connection().prepareStatement(
                    "INSERT INTO tool_loc_summary VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, context.runPk());
                insert.setObject(2, context.runId());
                insert.setObject(3, context.repoId());
                insert.setString(4, new String(Json.toBytes(summary), java.nio.charset.StandardCharsets.UTF_8).strip());
                summaries = insert.executeUpdate();
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tool_loc_files", files);
        counts.put("tool_loc_summary", summaries);
        counts.put("tool_loc_languages", languages);
        return counts;
    }

    @Override
    public List<LandingCheck> landingChecks() {
        return List.of(
                new LandingCheck("file_id_in_layout", QualityDimension.VALIDITY,
                        "every file_id exists in the layout of the same run",
                        "SELECT t.path AS sample FROM tool_loc_files t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("unique_file_id", QualityDimension.VALIDITY,
                        "file_id is unique within the run",
                        "SELECT file_id AS sample FROM tool_loc_files WHERE run_id = '{run_id}'"
                                + " GROUP BY file_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("file_id_matches_path", QualityDimension.VALIDITY,
                        "file_id is the canonical id of path ('f-' + first 12 hex of sha256(path))",
                        "SELECT path AS sample FROM tool_loc_files WHERE run_id = '{run_id}'"
                                + " AND file_id <> 'f-' || left(sha256(path), 12) ORDER BY 1"),
                new LandingCheck("line_sum_matches", QualityDimension.CONSISTENCY,
                        "code + comments + blanks equals lines",
                        "SELECT path AS sample FROM tool_loc_files WHERE run_id = '{run_id}'"
                                + " AND code IS NOT NULL AND comments IS NOT NULL AND blanks IS NOT NULL"
                                + " AND code + comments + blanks <> lines ORDER BY 1"),
                new LandingCheck("language_totals_match_files", QualityDimension.CONSISTENCY,
                        "summary.languages[].lines equals the sum of lines of the files of that language",
                        "SELECT s.language AS sample FROM tool_loc_languages s LEFT JOIN (SELECT language,"
                                + " sum(lines) AS lines FROM tool_loc_files WHERE run_id = '{run_id}' GROUP BY language) f"
                                + " ON f.language = s.language WHERE s.run_id = '{run_id}'"
                                + " AND s.total_lines <> coalesce(f.lines, 0) ORDER BY 1"),
                new LandingCheck("lines_agree_with_layout", QualityDimension.CONSISTENCY,
                        "lines is within 20% of the layout's line_count of the same file",
                        "SELECT t.path AS sample FROM tool_loc_files t JOIN lz_layout_files l"
                                + " ON l.run_id = t.run_id AND l.file_id = t.file_id WHERE t.run_id = '{run_id}'"
                                + " AND l.line_count IS NOT NULL"
                                + " AND abs(t.lines - l.line_count) > 0.2 * greatest(t.lines, l.line_count) ORDER BY 1"));
    }

    @Override
    public String completenessSql() {
        // Text files of the layout that loc measured, over all text files of the layout (0 without a layout).
        return "SELECT CASE WHEN count(*) = 0 THEN 0.0 ELSE count(t.file_id)::DOUBLE / count(*) END"
                + " FROM lz_layout_files l LEFT JOIN (SELECT DISTINCT file_id FROM tool_loc_files"
                + " WHERE run_id = '{run_id}') t ON t.file_id = l.file_id"
                + " WHERE l.run_id = '{run_id}' AND coalesce(l.is_binary, false) = false";
    }
}
