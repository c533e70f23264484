package dev.vulcan.sot.telemetry.internal;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.JsonNode;

/**
 * Appends validated pings to the {@code tel_*} tables through DuckDB appenders (one per table, in the order of
 * {@code tables.sql}). Not thread-safe; the caller owns the transaction and closes the landing before commit.
 */
public final class PingLanding implements AutoCloseable {

    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");
    private static final List<String> NORMALIZED = List.of("findings_per_agent", "findings_per_crew",
            "guardrails_per_agent", "tools_per_agent", "external_exposure_ratio", "guardrail_coverage_ratio");
    private static final List<String> TOPOLOGY_INT_DOUBLE = List.of("diameter:i", "avg_degree:d", "max_degree:i",
            "clustering_coefficient:d", "connected_components:i", "longest_chain:i", "hub_score:d");
    private static final List<String> DENSITY = List.of("max", "min", "mean", "median", "stddev");

    private final DuckDBAppender pings;
    private final DuckDBAppender rules;
    private final DuckDBAppender frameworks;
    private final DuckDBAppender providers;
    private final DuckDBAppender capabilities;
    private final DuckDBAppender pairs;
    private final LocalDateTime importedAt;

    /**
     * Opens the appenders.
     *
     * @param connection the connection (in a transaction)
     * @param importedAt the {@code imported_at} of every row, UTC
     * @throws SQLException if an appender cannot be created
     */
    public PingLanding(DuckDBConnection connection, LocalDateTime importedAt) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
        pings = connection.createAppender("main", "tel_pings");
        rules = connection.createAppender("main", "tel_ping_rules");
        frameworks = connection.createAppender("main", "tel_ping_frameworks");
        providers = connection.createAppender("main", "tel_ping_providers");
        capabilities = connection.createAppender("main", "tel_ping_capabilities");
        pairs = connection.createAppender("main", "tel_ping_rule_pairs");
    }

    /**
     * Appends one ping that is valid against the ping schema (fields a failed ping lacks become NULL).
     *
     * @param ping the ping
     * @throws SQLException if DuckDB refuses a value
     */
    public void append(JsonNode ping) throws SQLException {
        String scanId = ping.get("scan_id").asString();
        pings.beginRow();
        pings.append(scanId);
        pings.append(LocalDateTime.ofInstant(OffsetDateTime.parse(ping.get("timestamp").asString()).toInstant(),
                ZoneOffset.UTC));
        text(pings, ping.get("schema_version"));
        integer(pings, ping.get("schema_id"));
        text(pings, ping.get("repo_hash"));
        text(pings, ping.get("scan_status"));
        text(pings, ping.get("failure_reason"));
        integer(pings, ping.get("scan_duration_ms"));
        pings.append(ping.get("is_rescan").asBoolean());
        text(pings, ping.get("pre_scan_id"));
        integer(pings, ping.get("prev_score"));
        for (String f : List.of("agent_count", "crew_count", "finding_count", "finding_rule_count")) {
            integer(pings, ping.get(f));
        }
        JsonNode severities = ping.get("finding_severities");
        for (String s : SEVERITIES) {
            integer(pings, severities == null ? null : severities.get(s));
        }
        integer(pings, ping.get("risk_score"));
        integer(pings, ping.get("graph_node_count"));
        integer(pings, ping.get("graph_edge_count"));
        decimal(pings, ping.get("edge_density"));
        text(pings, ping.get("topology_signature_hash"));
        text(pings, ping.get("archetype_class"));
        text(pings, ping.get("provider_confidence"));
        for (String f : List.of("guardrail_count", "guardrail_linked_count", "crews_clean", "crews_with_findings",
                "files_scanned", "files_total", "parser_errors", "total_tool_count")) {
            integer(pings, ping.get(f));
        }
        JsonNode normalized = ping.get("normalized_features");
        for (String f : NORMALIZED) {
            decimal(pings, normalized == null ? null : normalized.get(f));
        }
        JsonNode topology = ping.get("graph_topology_metrics");
        for (String spec : TOPOLOGY_INT_DOUBLE) {
            JsonNode v = topology == null ? null : topology.get(spec.substring(0, spec.indexOf(':')));
            if (spec.endsWith(":i")) {
                integer(pings, v);
            } else {
                decimal(pings, v);
            }
        }
        json(pings, ping.get("crew_size_distribution"));
        json(pings, ping.get("agent_tool_count_distribution"));
        JsonNode meta = ping.get("repo_metadata");
        integer(pings, meta == null ? null : meta.get("python_file_count"));
        integer(pings, meta == null ? null : meta.get("yaml_config_count"));
        integer(pings, meta == null ? null : meta.get("total_loc"));
        text(pings, meta == null ? null : meta.get("primary_framework"));
        integer(pings, meta == null ? null : meta.get("framework_count"));
        JsonNode density = ping.get("per_crew_finding_density");
        for (String f : DENSITY) {
            JsonNode v = density == null ? null : density.get(f);
            if (f.equals("max") || f.equals("min")) {
                integer(pings, v);
            } else {
                decimal(pings, v);
            }
        }
        pings.append(importedAt);
        pings.endRow();

        values(rules, scanId, ping.get("finding_rules"));
        values(frameworks, scanId, ping.get("frameworks"));
        values(providers, scanId, ping.get("llm_providers"));
        JsonNode caps = ping.get("capability_distribution");
        if (caps != null && caps.isObject()) {
            for (Map.Entry<String, JsonNode> e : caps.properties()) {
                capabilities.beginRow();
                capabilities.append(scanId);
                capabilities.append(e.getKey());
                capabilities.append(e.getValue().asLong());
                capabilities.endRow();
            }
        }
        JsonNode co = ping.get("finding_co_occurrence");
        if (co != null && co.isArray()) {
            for (JsonNode pair : co) {
                pairs.beginRow();
                pairs.append(scanId);
                pairs.append(pair.get(0).asString());
                pairs.append(pair.get(1).asString());
                pairs.endRow();
            }
        }
    }

    private static void values(DuckDBAppender appender, String scanId, JsonNode array) throws SQLException {
        if (array == null || !array.isArray()) {
            return;
        }
        for (JsonNode v : array) {
            appender.beginRow();
            appender.append(scanId);
            appender.append(v.asString());
            appender.endRow();
        }
    }

    private static void text(DuckDBAppender appender, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asString());
        }
    }

    private static void integer(DuckDBAppender appender, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asLong());
        }
    }

    private static void decimal(DuckDBAppender appender, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asDouble());
        }
    }

    private static void json(DuckDBAppender appender, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.toString());
        }
    }

    /**
     * Flushes and closes every appender.
     *
     * @throws SQLException if a flush fails
     */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : List.of(pings, rules, frameworks, providers, capabilities, pairs)) {
            try {
                a.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
