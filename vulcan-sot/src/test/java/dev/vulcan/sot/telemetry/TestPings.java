package dev.vulcan.sot.telemetry;

import dev.vulcan.core.json.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Hand-made pings valid against telemetry-ping/v3 for the telemetry store tests and the bench. */
final class TestPings {

    private TestPings() {
    }

    /** The analysis figures of one hand-made ping. */
    record Spec(String scanId, String repoHash, String timestamp, List<String> frameworks, List<String> rules,
            List<String> providers, int agents, int crews, int findings, int nodes, double hubScore,
            List<List<String>> pairs) {
    }

    static ObjectNode ping(Spec s) {
        ObjectNode p = Json.object();
        p.put("scan_id", s.scanId());
        p.put("timestamp", s.timestamp());
        p.put("schema_version", "0.3.0");
        p.put("schema_id", 3);
        p.put("repo_hash", s.repoHash());
        boolean empty = s.agents() == 0 && s.findings() == 0;
        p.put("scan_status", empty ? "empty" : "success");
        p.put("scan_duration_ms", 7);
        p.put("is_rescan", false);
        p.put("agent_count", s.agents());
        p.put("crew_count", s.crews());
        strings(p.putArray("frameworks"), s.frameworks());
        p.put("finding_count", s.findings());
        strings(p.putArray("finding_rules"), s.rules());
        p.put("finding_rule_count", s.rules().size());
        ObjectNode sev = p.putObject("finding_severities");
        sev.put("critical", 0);
        sev.put("high", s.findings());
        sev.put("medium", 0);
        sev.put("low", 0);
        sev.put("info", 0);
        p.put("risk_score", Math.min(100, s.findings() * 5));
        p.put("graph_node_count", s.nodes());
        p.put("graph_edge_count", s.nodes() > 1 ? s.nodes() - 1 : 0);
        p.put("edge_density", s.nodes() > 1 ? (s.nodes() - 1.0) / (s.nodes() * (s.nodes() - 1.0)) : 0.0);
        p.put("topology_signature_hash", "0123456789abcdef");
        strings(p.putArray("llm_providers"), s.providers());
        p.put("provider_confidence", s.providers().isEmpty() ? "unknown" : "detected");
        ObjectNode caps = p.putObject("capability_distribution");
        if (s.agents() > 0) {
            caps.put("outbound", 1);
        }
        p.put("guardrail_count", 0);
        p.put("guardrail_linked_count", 0);
        p.put("crews_clean", 0);
        p.put("crews_with_findings", s.crews());
        p.put("files_scanned", 2);
        p.put("files_total", 3);
        p.put("parser_errors", 0);
        p.put("total_tool_count", 1);
        ObjectNode nf = p.putObject("normalized_features");
        nf.put("findings_per_agent", s.agents() == 0 ? 0.0 : (double) s.findings() / s.agents());
        nf.put("findings_per_crew", s.crews() == 0 ? 0.0 : (double) s.findings() / s.crews());
        nf.put("guardrails_per_agent", 0.0);
        nf.put("tools_per_agent", s.agents() == 0 ? 0.0 : 1.0 / s.agents());
        nf.put("external_exposure_ratio", s.agents() == 0 ? 0.0 : 1.0);
        nf.put("guardrail_coverage_ratio", 0.0);
        ObjectNode g = p.putObject("graph_topology_metrics");
        g.put("diameter", s.nodes() > 1 ? 2 : 0);
        g.put("avg_degree", s.nodes() == 0 ? 0.0 : 2.0 * (s.nodes() > 1 ? s.nodes() - 1 : 0) / s.nodes());
        g.put("max_degree", (int) Math.round(s.hubScore() * s.nodes()));
        g.put("clustering_coefficient", 0.0);
        g.put("connected_components", s.nodes() == 0 ? 0 : 1);
        g.put("longest_chain", 0);
        g.put("hub_score", s.hubScore());
        ArrayNode crews = p.putArray("crew_size_distribution");
        for (int i = 0; i < s.crews(); i++) {
            crews.add(1);
        }
        ArrayNode tools = p.putArray("agent_tool_count_distribution");
        for (int i = 0; i < s.agents(); i++) {
            tools.add(i == 0 ? 1 : 0);
        }
        ObjectNode meta = p.putObject("repo_metadata");
        meta.put("python_file_count", 2);
        meta.put("yaml_config_count", 0);
        meta.put("total_loc", 40);
        if (s.frameworks().isEmpty()) {
            meta.putNull("primary_framework");
        } else {
            meta.put("primary_framework", s.frameworks().get(0));
        }
        meta.put("framework_count", s.frameworks().size());
        ArrayNode co = p.putArray("finding_co_occurrence");
        s.pairs().forEach(pair -> strings(co.addArray(), pair));
        ObjectNode d = p.putObject("per_crew_finding_density");
        double perCrew = s.crews() == 0 ? 0 : (double) s.findings() / s.crews();
        int floor = s.crews() == 0 ? 0 : s.findings() / s.crews();
        d.put("max", s.crews() == 0 ? 0 : floor + (s.findings() % s.crews() == 0 ? 0 : 1));
        d.put("min", floor);
        d.put("mean", perCrew);
        d.put("median", perCrew);
        d.put("stddev", 0.0);
        return p;
    }

    static ObjectNode failed(String scanId, String repoHash, String timestamp) {
        ObjectNode p = Json.object();
        p.put("scan_id", scanId);
        p.put("timestamp", timestamp);
        p.put("schema_version", "0.3.0");
        p.put("schema_id", 3);
        p.put("repo_hash", repoHash);
        p.put("scan_status", "failed");
        p.put("failure_reason", "timeout");
        p.put("scan_duration_ms", 30000);
        p.put("is_rescan", false);
        return p;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
