package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.sot.QualityDimension;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Lands layout-scanner artifacts of schema major version 1 into {@code lz_layout_files} and
 * {@code lz_layout_directories} (architecture proposal 3.1, with {@code stable_fingerprint} and the recursive
 * directory counts). The layout is the canonical file universe, so a file_id or directory_id that is not the
 * canonical id of its path rejects the artifact.
 */
public final class LayoutScannerV1Adapter implements ToolAdapter {

    /** The tool name. */
    public static final String TOOL = "layout-scanner";

    private static final String FILES_DDL = """
            CREATE TABLE IF NOT EXISTS lz_layout_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                relative_path VARCHAR NOT NULL,
                directory_id VARCHAR NOT NULL,
                filename VARCHAR NOT NULL,
                extension VARCHAR,
                language VARCHAR,
                category VARCHAR,
                size_bytes BIGINT,
                line_count BIGINT,
                is_binary BOOLEAN,
                stable_fingerprint VARCHAR,
                is_symlink BOOLEAN,
                tracked BOOLEAN
            )""";

    private static final String DIRECTORIES_DDL = """
            CREATE TABLE IF NOT EXISTS lz_layout_directories (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                directory_id VARCHAR NOT NULL,
                relative_path VARCHAR NOT NULL,
                parent_id VARCHAR,
                depth BIGINT NOT NULL,
                file_count BIGINT,
                total_size_bytes BIGINT,
                recursive_file_count BIGINT,
                recursive_size_bytes BIGINT
            )""";

    private static final Map<String, String> FILE_COLUMNS = BulkRows.columns("file_id VARCHAR",
            "relative_path VARCHAR <- path", "directory_id VARCHAR", "filename VARCHAR", "extension VARCHAR",
            "language VARCHAR", "category VARCHAR", "size_bytes BIGINT", "line_count BIGINT", "is_binary BOOLEAN", "stable_fingerprint VARCHAR",
            "is_symlink BOOLEAN", "tracked BOOLEAN");

    private static final Map<String, String> DIRECTORY_COLUMNS = BulkRows.columns("directory_id VARCHAR",
            "relative_path VARCHAR <- path", "parent_id VARCHAR", "depth BIGINT", "file_count BIGINT",
            "total_size_bytes BIGINT", "recursive_file_count BIGINT", "recursive_size_bytes BIGINT");

    /** Creates the adapter. */
    public LayoutScannerV1Adapter() {
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
        return List.of(new LandingTable("lz_layout_files", FILES_DDL),
                new LandingTable("lz_layout_directories", DIRECTORIES_DDL));
    }

    @Override
    public String primaryTable() {
        return "lz_layout_files";
    }

    @Override
    public List<PathField> pathFields() {
        return List.of(new PathField("files", "path", false), new PathField("directories", "path", true));
    }

    @Override
    public void validate(Envelope envelope) {
        int i = 0;
        for (JsonNode file : Rows.elements(envelope.data(), "files")) {
            String path = file.get("path").asString();
            String fileId = file.get("file_id").asString();
            if (!fileId.equals(CanonicalIds.fileId(path))) {
                throw new AdapterRejection("data.files[" + i + "].file_id '" + fileId + "' is not the canonical id "
                        + CanonicalIds.fileId(path) + " of path '" + path + "'");
            }
            i++;
        }
        i = 0;
        for (JsonNode dir : Rows.elements(envelope.data(), "directories")) {
            String path = dir.get("path").asString();
            String directoryId = dir.get("directory_id").asString();
            if (!directoryId.equals(CanonicalIds.directoryId(path))) {
                throw new AdapterRejection("data.directories[" + i + "].directory_id '" + directoryId
                        + "' is not the canonical id " + CanonicalIds.directoryId(path) + " of path '" + path + "'");
            }
            i++;
        }
    }

    @Override
    public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
        long files;
        try (BulkRows rows = new BulkRows("lz_layout_files", FILE_COLUMNS)) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                rows.row(file);
            }
            files = rows.insert(context);
        }
        long directories;
        try (BulkRows rows = new BulkRows("lz_layout_directories", DIRECTORY_COLUMNS)) {
            for (JsonNode dir : Rows.elements(envelope.data(), "directories")) {
                rows.row(dir);
            }
            directories = rows.insert(context);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lz_layout_files", files);
        counts.put("lz_layout_directories", directories);
        return counts;
    }

    @Override
    public List<LandingCheck> landingChecks() {
        return List.of(
                new LandingCheck("unique_file_id", QualityDimension.VALIDITY,
                        "file_id is unique within the run's layout",
                        "SELECT file_id AS sample FROM lz_layout_files WHERE run_id = '{run_id}'"
                                + " GROUP BY file_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("unique_directory_id", QualityDimension.VALIDITY,
                        "directory_id is unique within the run's layout",
                        "SELECT directory_id AS sample FROM lz_layout_directories WHERE run_id = '{run_id}'"
                                + " GROUP BY directory_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("file_directory_in_layout", QualityDimension.VALIDITY,
                        "every file's directory_id is a directory of the same run's layout",
                        "SELECT f.relative_path AS sample FROM lz_layout_files f WHERE f.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_directories d WHERE d.run_id = f.run_id"
                                + " AND d.directory_id = f.directory_id) ORDER BY 1"),
                new LandingCheck("directory_parent_in_layout", QualityDimension.VALIDITY,
                        "every directory's parent_id is a directory of the same run's layout",
                        "SELECT c.relative_path AS sample FROM lz_layout_directories c WHERE c.run_id = '{run_id}'"
                                + " AND c.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lz_layout_directories p"
                                + " WHERE p.run_id = c.run_id AND p.directory_id = c.parent_id) ORDER BY 1"),
                new LandingCheck("directory_file_count_matches", QualityDimension.CONSISTENCY,
                        "a directory's file_count equals the number of its files in the layout",
                        "SELECT d.relative_path AS sample FROM lz_layout_directories d LEFT JOIN ("
                                + " SELECT directory_id, count(*) AS n FROM lz_layout_files WHERE run_id = '{run_id}'"
                                + " GROUP BY directory_id) f ON f.directory_id = d.directory_id"
                                + " WHERE d.run_id = '{run_id}' AND d.file_count IS NOT NULL"
                                + " AND d.file_count <> coalesce(f.n, 0) ORDER BY 1"));
    }

    @Override
    public String completenessSql() {
        // Files listed over files listed plus the errors the scanner reported (each error is a file it lost).
        return "SELECT CASE WHEN f.n + r.errors = 0 THEN 0.0 ELSE f.n / (f.n + r.errors) END"
                + " FROM (SELECT count(*)::DOUBLE AS n FROM lz_layout_files WHERE run_id = '{run_id}') f,"
                + " (SELECT coalesce(sum(error_count), 0)::DOUBLE AS errors FROM lz_tool_runs"
                + " WHERE run_id = '{run_id}' AND tool_name = 'layout-scanner') r";
    }
}
