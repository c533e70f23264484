package dev.vulcan.sot.internal.adapter;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.sot.QualityDimension;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import tools.jackson.databind.JsonNode;

/**
 * Lands agent-scanner artifacts of schema major version 1 into {@code tool_agent_scanner_files} (scanned files),
 * {@code tool_agent_scanner_findings} (one row per finding), {@code tool_agent_scanner_evidence} (one row per
 * evidence location of a finding, with the file_id of its path) and {@code tool_agent_scanner_summary} (risk
 * score and primary framework). Agents, crews, tools, the graph and the index are not landed by this version.
 */
public final class AgentScannerV1Adapter implements ToolAdapter {

    /** The tool name. */
    public static final String TOOL = "agent-scanner";

    private static final String FILES_DDL = """
            CREATE TABLE IF NOT EXISTS tool_agent_scanner_files (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                status VARCHAR NOT NULL,
                loc BIGINT,
                agent_config BOOLEAN,
                mcp_servers BIGINT
            )""";

    private static final String FINDINGS_DDL = """
            CREATE TABLE IF NOT EXISTS tool_agent_scanner_findings (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                finding_id VARCHAR NOT NULL,
                rule_id VARCHAR NOT NULL,
                title VARCHAR NOT NULL,
                severity VARCHAR NOT NULL,
                crew_id VARCHAR,
                framework VARCHAR,
                remediation VARCHAR
            )""";

    private static final String EVIDENCE_DDL = """
            CREATE TABLE IF NOT EXISTS tool_agent_scanner_evidence (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                finding_id VARCHAR NOT NULL,
                file_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                line BIGINT NOT NULL,
                detail VARCHAR
            )""";

    private static final String SUMMARY_DDL = """
            CREATE TABLE IF NOT EXISTS tool_agent_scanner_summary (
                run_pk BIGINT NOT NULL,
                run_id UUID NOT NULL,
                repo_id UUID NOT NULL,
                risk_score BIGINT NOT NULL,
                primary_framework VARCHAR
            )""";

    /** Creates the adapter. */
    public AgentScannerV1Adapter() {
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
        return List.of(new LandingTable("tool_agent_scanner_files", FILES_DDL),
                new LandingTable("tool_agent_scanner_findings", FINDINGS_DDL),
                new LandingTable("tool_agent_scanner_evidence", EVIDENCE_DDL),
                new LandingTable("tool_agent_scanner_summary", SUMMARY_DDL));
    }

    @Override
    public String primaryTable() {
        return "tool_agent_scanner_files";
    }

    @Override
    public List<PathField> pathFields() {
        // Evidence paths are nested in findings; the contract's repo_path rule checks them.
        return List.of(new PathField("files", "path", false));
    }

    @Override
    public void validate(Envelope envelope) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        int i = 0;
        for (JsonNode finding : Rows.elements(envelope.data(), "findings")) {
            String id = finding.get("id").asString();
            if (!ids.add(id)) {
                throw new AdapterRejection("data.findings[" + i + "].id '" + id + "' is not unique");
            }
            i++;
        }
    }

    @Override
    public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
        long files = 0;
        long findings = 0;
        long evidence = 0;
        try (DuckDBAppender appender = context.connection().createAppender("main", "tool_agent_scanner_files")) {
            for (JsonNode file : Rows.elements(envelope.data(), "files")) {
                appender.beginRow();
                Rows.keys(appender, context);
                Rows.text(appender, file, "file_id");
                Rows.text(appender, file, "path");
                Rows.text(appender, file, "kind");
                Rows.text(appender, file, "status");
                Rows.integer(appender, file, "loc");
                Rows.bool(appender, file, "agent_config");
                Rows.integer(appender, file, "mcp_servers");
                appender.endRow();
                files++;
            }
            appender.flush();
        }
        try (DuckDBAppender findingRows = context.connection().createAppender("main", "tool_agent_scanner_findings");
                DuckDBAppender evidenceRows = context.connection().createAppender("main", "tool_agent_scanner_evidence")) {
            for (JsonNode finding : Rows.elements(envelope.data(), "findings")) {
                findingRows.beginRow();
                Rows.keys(findingRows, context);
                Rows.text(findingRows, finding, "id");
                Rows.text(findingRows, finding, "rule_id");
                Rows.text(findingRows, finding, "title");
                Rows.text(findingRows, finding, "severity");
                Rows.text(findingRows, finding, "crew_id");
                Rows.text(findingRows, finding, "framework");
                Rows.text(findingRows, finding, "remediation");
                findingRows.endRow();
                findings++;
                for (JsonNode location : Rows.elements(finding, "evidence")) {
                    String path = location.get("path").asString();
                    evidenceRows.beginRow();
                    Rows.keys(evidenceRows, context);
                    Rows.text(evidenceRows, finding, "id");
                    evidenceRows.append(CanonicalIds.fileId(path));
                    evidenceRows.append(path);
                    Rows.integer(evidenceRows, location, "line");
                    Rows.text(evidenceRows, location, "detail");
                    evidenceRows.endRow();
                    evidence++;
                }
            }
            findingRows.flush();
            evidenceRows.flush();
        }
        long summaries;
        try (PreparedStatement insert = context.connection().prepareStatement(
                "INSERT INTO tool_agent_scanner_summary VALUES (?, ?, ?, ?, ?)")) {
            JsonNode framework = envelope.data().get("primary_framework");
            insert.setLong(1, context.runPk());
            insert.setObject(2, context.runId());
            insert.setObject(3, context.repoId());
            insert.setLong(4, envelope.data().get("risk_score").asLong());
            insert.setString(5, framework == null || framework.isNull() ? null : framework.asString());
            summaries = insert.executeUpdate();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tool_agent_scanner_files", files);
        counts.put("tool_agent_scanner_findings", findings);
        counts.put("tool_agent_scanner_evidence", evidence);
        counts.put("tool_agent_scanner_summary", summaries);
        return counts;
    }

    @Override
    public List<LandingCheck> landingChecks() {
        return List.of(
                new LandingCheck("file_id_in_layout", QualityDimension.VALIDITY,
                        "every scanned file's file_id exists in the layout of the same run",
                        "SELECT t.path AS sample FROM tool_agent_scanner_files t WHERE t.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = t.run_id"
                                + " AND l.file_id = t.file_id) ORDER BY 1"),
                new LandingCheck("evidence_file_in_layout", QualityDimension.VALIDITY,
                        "every evidence path is a file of the same run's layout",
                        "SELECT e.path AS sample FROM tool_agent_scanner_evidence e WHERE e.run_id = '{run_id}'"
                                + " AND NOT EXISTS (SELECT 1 FROM lz_layout_files l WHERE l.run_id = e.run_id"
                                + " AND l.file_id = e.file_id) ORDER BY 1"),
                new LandingCheck("unique_file_id", QualityDimension.VALIDITY,
                        "file_id is unique within the run",
                        "SELECT file_id AS sample FROM tool_agent_scanner_files WHERE run_id = '{run_id}'"
                                + " GROUP BY file_id HAVING count(*) > 1 ORDER BY 1"),
                new LandingCheck("file_id_matches_path", QualityDimension.VALIDITY,
                        "file_id is the canonical id of path ('f-' + first 12 hex of sha256(path))",
                        "SELECT path AS sample FROM tool_agent_scanner_files WHERE run_id = '{run_id}'"
                                + " AND file_id <> 'f-' || left(sha256(path), 12) ORDER BY 1"));
    }

    @Override
    public String completenessSql() {
        // Scanned files that parsed, over the files it scanned (1 when it scanned none: nothing was expected).
        return "SELECT CASE WHEN count(*) = 0 THEN 1.0 ELSE count(*) FILTER (WHERE status = 'parsed')::DOUBLE"
                + " / count(*) END FROM tool_agent_scanner_files WHERE run_id = '{run_id}'";
    }
}
