package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.json.Json;
import dev.vulcan.sot.QualityDimension;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import tools.jackson.databind.JsonNode;

/**
 * Lands git-history artifacts of schema major version 1 into {@code tool_git_history_files} (per current file,
 * revisions, lines added and deleted, churn, authors, first and last commit (UTC), age, main author and share,
 * fragmentation, recent revisions, the orphaned flag, and the later-added binary revisions, ownership basis, fractal
 * value, recent lines added/deleted, coupling revisions and DOA authors as JSON), {@code tool_git_history_authors} (one row per author
 * after .mailmap), {@code tool_git_history_coupling} (logical coupling pairs), {@code tool_git_history_orphaned_files}
 * and {@code tool_git_history_summary} (one row: commit counts, truck factor, windows; the whole summary as JSON).
 * The optional arrays and the summary land no rows when an artifact lacks them.
 */
public final class GitHistoryV1Adapter implements ToolAdapter {

    /** The tool name. */
    public static final String TOOL = "git-history";

    private static final String FILES_DDL = """
            CREATE TABLE IF NOT EXISTS tool_git_history_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                revisions BIGINT NOT NULL,
                lines_added BIGINT NOT NULL,
                lines_deleted BIGINT NOT NULL,
                churn BIGINT NOT NULL,
                unique_authors BIGINT NOT NULL,
                first_commit_at TIMESTAMP,
                last_commit_at TIMESTAMP,
                age_days BIGINT,
                main_author VARCHAR,
                main_author_share DOUBLE,
                fragmentation DOUBLE,
                recent_revisions BIGINT,
                orphaned BOOLEAN
            );
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS binary_revisions BIGINT;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS ownership_basis VARCHAR;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS fractal_value DOUBLE;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS recent_lines_added BIGINT;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS recent_lines_deleted BIGINT;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS coupling_revisions BIGINT;
            ALTER TABLE tool_git_history_files ADD COLUMN IF NOT EXISTS doa_authors_json VARCHAR""";

    private static final String AUTHORS_DDL = """
            CREATE TABLE IF NOT EXISTS tool_git_history_authors (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                name VARCHAR NOT NULL,
                email VARCHAR,
                commits BIGINT NOT NULL,
                lines_added BIGINT NOT NULL,
                lines_deleted BIGINT NOT NULL,
                files_touched BIGINT NOT NULL,
                files_authored BIGINT,
                first_commit_at TIMESTAMP,
                last_commit_at TIMESTAMP,
                active BOOLEAN,
                gone BOOLEAN
            )""";

    private static final String COUPLING_DDL = """
            CREATE TABLE IF NOT EXISTS tool_git_history_coupling (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                coupled_file_id VARCHAR NOT NULL,
                coupled_path VARCHAR NOT NULL,
                shared_revisions BIGINT NOT NULL,
                average_revisions DOUBLE,
                degree BIGINT NOT NULL
            )""";

    private static final String ORPHANED_DDL = """
            CREATE TABLE IF NOT EXISTS tool_git_history_orphaned_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                doa_authors_json VARCHAR,
                doa_authors_last_commit_at TIMESTAMP
            )""";

    private static final String SUMMARY_DDL = """
            CREATE TABLE IF NOT EXISTS tool_git_history_summary (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                commit_count BIGINT NOT NULL,
                merge_commit_count BIGINT,
                author_count BIGINT,
                active_authors BIGINT,
                file_count BIGINT,
                files_with_history BIGINT,
                truck_factor BIGINT,
                truck_factor_authors_json VARCHAR,
                orphaned_file_count BIGINT,
                coupling_pair_count BIGINT,
                first_commit_at TIMESTAMP,
                last_commit_at TIMESTAMP,
                recent_window_days BIGINT,
                inactive_after_days BIGINT,
                history_truncated BOOLEAN,
                anonymized BOOLEAN,
                summary_json VARCHAR NOT NULL
            )""";

    /** The bulk-landed columns of tool_git_history_files after the keys, in FILES_DDL order (ALTERed ones last). */
    private static final Map<String, String> FILE_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "revisions BIGINT", "lines_added BIGINT", "lines_deleted BIGINT", "churn BIGINT", "unique_authors BIGINT",
            "first_commit_at TIMESTAMP", "last_commit_at TIMESTAMP", "age_days BIGINT", "main_author VARCHAR",
            "main_author_share DOUBLE", "fragmentation DOUBLE", "recent_revisions BIGINT", "orphaned BOOLEAN",
            "binary_revisions BIGINT", "ownership_basis VARCHAR", "fractal_value DOUBLE", "recent_lines_added BIGINT",
            "recent_lines_deleted BIGINT", "coupling_revisions BIGINT", "doa_authors_json VARCHAR <- doa_authors");

    private static final Map<String, String> COUPLING_COLUMNS = BulkRows.columns("file_id VARCHAR", "path VARCHAR",
            "coupled_file_id VARCHAR", "coupled_path VARCHAR", "shared_revisions BIGINT", "average_revisions DOUBLE",
            "degree BIGINT");

    /** Creates the adapter. */
    public GitHistoryV1Adapter() {
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
        return List.of(new LandingTable("tool_git_history_files", FILES_DDL),
                new LandingTable("tool_git_history_authors", AUTHORS_DDL),
                new LandingTable("tool_git_history_coupling", COUPLING_DDL),
                new LandingTable("tool_git_history_orphaned_files", ORPHANED_DDL),
                new LandingTable("tool_git_history_summary", SUMMARY_DDL));
    }

    @Override
    public String primaryTable() {
        return "tool_git_history_files";
    }

    @Override
    public List<PathField> pathFields() {
        return List.of(new PathField("files", "path", false), new PathField("coupling", "path", false),
                new PathField("coupling", "coupled_path", false), new PathField("orphaned_files", "path", false));
    }

    @Override
    public void validate(Envelope envelope) {
        int i = 0;
        for (JsonNode file : Rows.elements(envelope.data(), "files")) {
            if (file.get("churn").asLong() != file.get("lines_added").asLong() + file.get("lines_deleted").asLong()) {
                throw new AdapterRejection("data.files[" + i + "] '" + file.get("path").asString()
                        + "': churn is not lines_added + lines_deleted");
            }
            i++;
        }
    }

    @Override
    public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
        long files;
        try (BulkRows rows = new BulkRows("tool_git_history_files", FILE_COLUMNS)) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                rows.row(file);
            }
            files = rows.insert(context);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tool_git_history_files", files);
        counts.put("tool_git_history_authors", landAuthors(context, envelope.data()));
        counts.put("tool_git_history_coupling", landCoupling(context, envelope.data()));
        counts.put("tool_git_history_orphaned_files", landOrphans(context, envelope.data()));
        counts.put("tool_git_history_summary", landSummary(context, envelope.data()));
        return counts;
    }

    private static long landAuthors(LandingContext context, JsonNode data) throws SQLException {
        long rows = 0;
        try (DuckDBAppender appender = context.connection().createAppender("main", "tool_git_history_authors")) {
            for (JsonNode author : Rows.elements(data, "authors")) {
                appender.beginRow();
                Rows.keys(appender, context);
                Rows.text(appender, author, "name");
                Rows.text(appender, author, "email");
                Rows.integer(appender, author, "commits");
                Rows.integer(appender, author, "lines_added");
                Rows.integer(appender, author, "lines_deleted");
                Rows.integer(appender, author, "files_touched");
                Rows.integer(appender, author, "files_authored");
                Rows.timestamp(appender, author, "first_commit_at");
                Rows.timestamp(appender, author, "last_commit_at");
                Rows.bool(appender, author, "active");
                Rows.bool(appender, author, "gone");
                appender.endRow();
                rows++;
            }
            appender.flush();
        }
        return rows;
    }

    private static long landCoupling(LandingContext context, JsonNode data) throws SQLException {
        try (BulkRows rows = new BulkRows("tool_git_history_coupling", COUPLING_COLUMNS)) {
            for (JsonNode pair : Rows.elements(data, "coupling")) {
                rows.row(pair);
            }
            return rows.insert(context);
        }
    }

    private static long landOrphans(LandingContext context, JsonNode data) throws SQLException {
        long rows = 0;
        try (DuckDBAppender appender = context.connection().createAppender("main",
                "tool_git_history_orphaned_files")) {
            for (JsonNode orphan : Rows.elements(data, "orphaned_files")) {
                appender.beginRow();
                Rows.keys(appender, context);
                Rows.text(appender, orphan, "file_id");
                Rows.text(appender, orphan, "path");
                Rows.json(appender, orphan, "doa_authors");
                Rows.timestamp(appender, orphan, "doa_authors_last_commit_at");
                appender.endRow();
                rows++;
            }
            appender.flush();
        }
        return rows;
    }

    private static long landSummary(LandingContext context, JsonNode data) throws SQLException {
        JsonNode summary = data.get("summary");
        if (summary == null || !summary.isObject()) {
            return 0;
        }
        try (DuckDBAppender appender = context.connection().createAppender("main", "tool_git_history_summary")) {
            appender.beginRow();
            Rows.keys(appender, context);
            for (String field : List.of("commit_count", "merge_commit_count", "author_count", "active_authors",
                    "file_count", "files_with_history", "truck_factor")) {
                Rows.integer(appender, summary, field);
            }
            Rows.json(appender, summary, "truck_factor_authors");
            Rows.integer(appender, summary, "orphaned_file_count");
            Rows.integer(appender, summary, "coupling_pair_count");
            Rows.timestamp(appender, summary, "first_commit_at");
            Rows.timestamp(appender, summary, "last_commit_at");
            Rows.integer(appender, summary, "recent_window_days");
            Rows.integer(appender, summary, "inactive_after_days");
            Rows.bool(appender, summary, "history_truncated");
            Rows.bool(appender, summary, "anonymized");
            appender.append(new String(Json.toBytes(summary), StandardCharsets.UTF_8).strip());
            appender.endRow();
            appender.flush();
        }
        return 1;
    }

    @Override
    public List<LandingCheck> landingChecks() {
        return List.of(
                new LandingCheck("file_id_in_layout", QualityDimension.VALIDITY,
                        "every file_id exists in the layout of the same run",
                        "SELECT t.path AS sample FROM tool_git_history_files t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("unique_file_id", QualityDimension.VALIDITY,
                        "file_id is unique within the run",
                        "SELECT file_id AS sample FROM tool_git_history_files WHERE run_id = '{run_id}'"
                                + " GROUP BY file_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("file_id_matches_path", QualityDimension.VALIDITY,
                        "file_id is the canonical id of path ('f-' + first 12 hex of sha256(path))",
                        "SELECT path AS sample FROM tool_git_history_files WHERE run_id = '{run_id}'"
                                + " AND file_id <> 'f-' || left(sha256(path), 12) ORDER BY 1"),
                new LandingCheck("commit_times_ordered", QualityDimension.CONSISTENCY,
                        "first_commit_at is not after last_commit_at",
                        "SELECT path AS sample FROM tool_git_history_files WHERE run_id = '{run_id}'"
                                + " AND first_commit_at > last_commit_at ORDER BY 1"),
                new LandingCheck("coupling_file_id_in_layout", QualityDimension.VALIDITY,
                        "both files of every coupling pair exist in the layout of the same run",
                        "SELECT DISTINCT p.path AS sample FROM (SELECT run_id, file_id, path FROM tool_git_history_coupling"
                                + " WHERE run_id = '{run_id}' UNION ALL SELECT run_id, coupled_file_id, coupled_path"
                                + " FROM tool_git_history_coupling WHERE run_id = '{run_id}') p WHERE NOT EXISTS"
                                + " (SELECT 1 FROM lz_layout_files l WHERE l.run_id = p.run_id AND l.file_id = p.file_id)"
                                + " ORDER BY 1"),
                new LandingCheck("orphaned_file_id_in_layout", QualityDimension.VALIDITY,
                        "every orphaned file exists in the layout of the same run",
                        "SELECT t.path AS sample FROM tool_git_history_orphaned_files t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("coupling_file_id_matches_path", QualityDimension.VALIDITY,
                        "coupling file ids are the canonical ids of their paths",
                        "SELECT path || ' / ' || coupled_path AS sample FROM tool_git_history_coupling"
                                + " WHERE run_id = '{run_id}' AND (file_id <> 'f-' || left(sha256(path), 12)"
                                + " OR coupled_file_id <> 'f-' || left(sha256(coupled_path), 12)) ORDER BY 1"),
                new LandingCheck("unique_author", QualityDimension.VALIDITY,
                        "an author name appears once within the run",
                        "SELECT name AS sample FROM tool_git_history_authors WHERE run_id = '{run_id}'"
                                + " GROUP BY name HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("coupling_degree_matches_revisions", QualityDimension.CONSISTENCY,
                        "a pair's degree is round(shared / average revisions x 100) within 1 point",
                        "SELECT path || ' / ' || coupled_path AS sample FROM tool_git_history_coupling"
                                + " WHERE run_id = '{run_id}' AND average_revisions > 0"
                                + " AND abs(degree - 100.0 * shared_revisions / average_revisions) > 1 ORDER BY 1"));
    }

    @Override
    public String completenessSql() {
        // Layout files git tracks that have a history row, over the layout files git tracks (all files when
        // the layout does not say which are tracked).
        return "SELECT CASE WHEN count(*) = 0 THEN 0.0 ELSE count(t.file_id)::DOUBLE / count(*) END"
                + " FROM lz_layout_files l LEFT JOIN (SELECT DISTINCT file_id FROM tool_git_history_files"
                + " WHERE run_id = '{run_id}') t ON t.file_id = l.file_id"
                + " WHERE l.run_id = '{run_id}' AND coalesce(l.tracked, true)";
    }
}
