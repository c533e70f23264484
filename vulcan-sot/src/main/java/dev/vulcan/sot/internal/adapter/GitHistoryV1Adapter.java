package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.sot.QualityDimension;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import tools.jackson.databind.JsonNode;

/**
 * Lands git-history artifacts of schema major version 1 into {@code tool_git_history_files}: per current file,
 * revisions, lines added and deleted, churn, authors, first and last commit (UTC), age, main author and share,
 * fragmentation, recent revisions and the orphaned flag. The artifact's {@code authors}, {@code coupling} and
 * {@code orphaned_files} are not landed by this adapter version.
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
            )""";

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
    public String contractSchemaId() {
        return "classpath:dev/vulcan/sot/contracts/git-history/v1/data.schema.json";
    }

    @Override
    public List<LandingTable> landingTables() {
        return List.of(new LandingTable("tool_git_history_files", FILES_DDL));
    }

    @Override
    public String primaryTable() {
        return "tool_git_history_files";
    }

    @Override
    public List<PathField> pathFields() {
        return List.of(new PathField("files", "path", false));
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
        long files = 0;
        try (DuckDBAppender appender = context.connection().createAppender("main", "tool_git_history_files")) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                appender.beginRow();
                Rows.keys(appender, context);
                Rows.text(appender, file, "file_id");
                Rows.text(appender, file, "path");
                Rows.integer(appender, file, "revisions");
                Rows.integer(appender, file, "lines_added");
                Rows.integer(appender, file, "lines_deleted");
                Rows.integer(appender, file, "churn");
                Rows.integer(appender, file, "unique_authors");
                Rows.timestamp(appender, file, "first_commit_at");
                Rows.timestamp(appender, file, "last_commit_at");
                Rows.integer(appender, file, "age_days");
                Rows.text(appender, file, "main_author");
                Rows.decimal(appender, file, "main_author_share");
                Rows.decimal(appender, file, "fragmentation");
                Rows.integer(appender, file, "recent_revisions");
                Rows.bool(appender, file, "orphaned");
                appender.endRow();
                files++;
            }
            appender.flush();
        }
        return Map.of("tool_git_history_files", files);
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
                                + " AND first_commit_at > last_commit_at ORDER BY 1"));
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
