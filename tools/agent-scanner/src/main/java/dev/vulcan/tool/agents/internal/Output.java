package dev.vulcan.tool.agents.internal;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.severity.Severity;
import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.EdgeType;
import dev.vulcan.tool.agents.Exposure;
import dev.vulcan.tool.agents.ProviderConfidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the {@code data} object of the agent-scanner output (schema {@code schemas/output.schema.json}). */
public final class Output {

    private Output() {
    }

    /**
     * Builds the data object.
     *
     * @param model the model
     * @param graph the topology
     * @param findings the findings
     * @param counts the file counts
     * @param files the per-file entries
     * @return the data
     */
    public static ObjectNode write(ScanModel model, Topology graph, List<Findings.Finding> findings, ObjectNode counts,
            List<ObjectNode> files) {
        ObjectNode data = Json.object();
        data.set("counts", counts);
        Map<String, List<String>> guardsOf = new LinkedHashMap<>();
        model.guardrails.values().forEach(g -> g.guards.forEach(x -> guardsOf.computeIfAbsent(x, k -> new ArrayList<>())
                .add(g.id)));
        Map<String, Set<String>> toolUsers = new LinkedHashMap<>();
        model.agents.values().forEach(a -> a.toolIds.forEach(t -> toolUsers.computeIfAbsent(t, k -> new LinkedHashSet<>())
                .add(a.id)));

        ArrayNode frameworks = data.putArray("frameworks");
        String primary = null;
        int best = -1;
        for (ScanModel.FrameworkUse u : model.frameworks.values()) {
            ObjectNode n = frameworks.addObject();
            n.put("name", u.framework.code());
            n.put("display_name", u.framework.displayName());
            n.put("version", u.version);
            strings(n.putArray("evidence"), u.evidence);
            strings(n.putArray("files"), u.files);
            long agents = model.agents.values().stream().filter(a -> a.framework == u.framework).count();
            n.put("agent_count", agents);
            int score = (int) agents * 1000 + u.files.size();
            if (score > best) {
                best = score;
                primary = u.framework.displayName();
            }
        }
        data.put("primary_framework", primary);

        ArrayNode agents = data.putArray("agents");
        for (ScanModel.Agent a : model.agents.values()) {
            ObjectNode n = agents.addObject();
            n.put("id", a.id);
            n.put("name", a.name);
            n.put("role", a.role);
            n.put("framework", a.framework.code());
            n.put("crew_id", a.crewId);
            strings(n.putArray("tools"), a.toolIds);
            if (a.llm == null) {
                n.putNull("llm");
            } else {
                ObjectNode l = n.putObject("llm");
                l.put("provider", a.llm.provider());
                l.put("model", a.llm.model());
            }
            strings(n.putArray("mcp_servers"), a.mcpServerIds);
            n.put("allow_delegation", a.allowDelegation);
            strings(n.putArray("guardrails"), guardsOf.getOrDefault(a.id, List.of()));
            n.put("path", a.location.path());
            n.put("line", a.location.line());
        }

        ArrayNode crews = data.putArray("crews");
        for (ScanModel.Crew c : model.crews.values()) {
            ObjectNode n = crews.addObject();
            n.put("id", c.id);
            n.put("name", c.name);
            n.put("framework", c.framework.code());
            n.put("process", c.process.code());
            strings(n.putArray("agents"), c.agentIds);
            n.put("manager", c.managerAgentId);
            n.put("path", c.location.path());
            n.put("line", c.location.line());
        }

        ArrayNode tools = data.putArray("tools");
        int capabilityCount = 0;
        int externalCount = 0;
        for (ScanModel.Tool t : model.tools.values()) {
            ObjectNode n = tools.addObject();
            n.put("id", t.id);
            n.put("name", t.name);
            n.put("source", t.source.code());
            ArrayNode caps = n.putArray("capabilities");
            boolean external = false;
            for (Capability c : t.capabilities) {
                ObjectNode cn = caps.addObject();
                cn.put("capability", c.code());
                cn.put("exposure", c.exposure().code());
                external |= c.exposure() == Exposure.EXTERNAL;
                capabilityCount++;
                externalCount += c.exposure() == Exposure.EXTERNAL ? 1 : 0;
            }
            n.put("exposure", t.capabilities.isEmpty() ? null : external ? "external" : "internal");
            strings(n.putArray("agents"), toolUsers.getOrDefault(t.id, Set.of()));
            strings(n.putArray("reads_from"), t.readsFrom);
            strings(n.putArray("writes_to"), t.writesTo);
            strings(n.putArray("calls"), t.calls);
            n.put("mcp_server", t.mcpServerId);
            strings(n.putArray("guardrails"), guardsOf.getOrDefault(t.id, List.of()));
            n.put("path", t.location.path());
            n.put("line", t.location.line());
        }

        ArrayNode guardrails = data.putArray("guardrails");
        for (ScanModel.Guardrail g : model.guardrails.values()) {
            ObjectNode n = guardrails.addObject();
            n.put("id", g.id);
            n.put("kind", g.kind.code());
            n.put("detail", g.detail);
            strings(n.putArray("guards"), g.guards);
            n.put("linked", !g.guards.isEmpty());
            n.put("path", g.location.path());
            n.put("line", g.location.line());
        }

        ArrayNode providers = data.putArray("llm_providers");
        ProviderConfidence overall = ProviderConfidence.UNKNOWN;
        for (ScanModel.Provider p : model.providers.values()) {
            ObjectNode n = providers.addObject();
            n.put("name", p.name);
            n.put("confidence", p.confidence.code());
            strings(n.putArray("models"), p.models);
            ArrayNode ev = n.putArray("evidence");
            p.evidence.forEach(l -> ev.addObject().put("path", l.path()).put("line", l.line()));
            if (p.confidence.rank() > overall.rank()) {
                overall = p.confidence;
            }
        }
        data.put("provider_confidence", overall.code());

        ArrayNode mcp = data.putArray("mcp_servers");
        for (ScanModel.McpServer s : model.mcpServers.values()) {
            ObjectNode n = mcp.addObject();
            n.put("id", s.id);
            n.put("name", s.name);
            n.put("transport", s.transport);
            n.put("launcher", s.launcher);
            n.put("package", s.packageName);
            if (s.pinned == null) {
                n.putNull("pinned");
            } else {
                n.put("pinned", s.pinned);
            }
            strings(n.putArray("env_var_names"), s.envVarNames);
            n.put("path", s.location.path());
            n.put("line", s.location.line());
        }

        ArrayNode env = data.putArray("env_var_names");
        model.envVarNames.forEach((name, where) -> {
            ObjectNode n = env.addObject();
            n.put("name", name);
            strings(n.putArray("files"), where);
        });

        ObjectNode g = data.putObject("graph");
        ArrayNode nodes = g.putArray("nodes");
        for (Topology.Node node : graph.nodes()) {
            ObjectNode n = nodes.addObject();
            n.put("id", node.id());
            n.put("type", node.type().code());
            n.put("label", node.label());
            n.put("crew_id", node.crewId());
        }
        ArrayNode edges = g.putArray("edges");
        ArrayNode delegation = g.putArray("delegation_edges");
        for (Topology.Edge e : graph.edges()) {
            ObjectNode n = edges.addObject();
            n.put("source", e.source());
            n.put("target", e.target());
            n.put("type", e.type().code());
            if (e.type() == EdgeType.DELEGATES_TO) {
                delegation.addObject().put("source", e.source()).put("target", e.target());
            }
        }
        g.put("node_count", graph.nodes().size());
        g.put("edge_count", graph.edges().size());
        g.put("topology_signature_hash", graph.signatureHash());

        ArrayNode fs = data.putArray("findings");
        Map<String, Integer> severities = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            severities.put(s.code(), 0);
        }
        Set<String> rules = new TreeSet<>();
        for (Findings.Finding f : findings) {
            ObjectNode n = fs.addObject();
            n.put("id", f.id());
            n.put("rule_id", f.ruleId());
            n.put("title", f.rule().title());
            n.put("severity", f.severity().code());
            n.put("crew_id", f.crewId());
            n.put("framework", f.framework() == null ? null : f.framework().code());
            strings(n.putArray("subjects"), f.subjects());
            ArrayNode ev = n.putArray("evidence");
            for (Findings.Evidence e : f.evidence()) {
                ev.addObject().put("path", e.path()).put("line", e.line()).put("detail", e.detail());
            }
            n.put("remediation", f.remediation());
            strings(n.putArray("mitigated_by"), f.mitigatedBy());
            severities.merge(f.severity().code(), 1, Integer::sum);
            rules.add(f.ruleId());
        }
        data.put("risk_score", Findings.riskScore(findings));

        ObjectNode summary = data.putObject("summary");
        summary.put("agent_count", model.agents.size());
        summary.put("crew_count", model.crews.size());
        summary.put("tool_count", model.tools.size());
        summary.put("guardrail_count", model.guardrails.size());
        summary.put("guardrail_linked_count", model.guardrails.values().stream().filter(x -> !x.guards.isEmpty()).count());
        summary.put("mcp_server_count", model.mcpServers.size());
        summary.put("framework_count", model.frameworks.size());
        summary.put("finding_count", findings.size());
        summary.put("findings_with_guardrail_count", findings.stream().filter(f -> !f.mitigatedBy().isEmpty()).count());
        summary.put("capability_count", capabilityCount);
        summary.put("external_capability_count", externalCount);
        ObjectNode capabilityDistribution = summary.putObject("capability_distribution");
        for (Capability c : Capability.values()) {
            capabilityDistribution.put(c.code(), model.tools.values().stream()
                    .filter(t -> t.capabilities.contains(c)).count());
        }
        ObjectNode sev = summary.putObject("finding_severities");
        severities.forEach(sev::put);
        strings(summary.putArray("finding_rules"), rules);
        summary.put("archetype_class", Archetypes.classify(model, graph).code());

        data.set("index", index(model, graph, findings));

        ArrayNode fileArray = data.putArray("files");
        files.stream().sorted(Comparator.comparing(n -> n.get("path").asString())).forEach(fileArray::add);
        return data;
    }

    /**
     * Returns sorted, name-based keys of the main elements (independent of paths and ids), for diffing runs and
     * for evaluation: agents {@code crew/agent} ({@code -} without crew), crews {@code crew:process}, tool
     * links {@code agent->tool}, edges {@code type:source->target} by node label, findings {@code rule@crew}.
     */
    private static ObjectNode index(ScanModel model, Topology graph, List<Findings.Finding> findings) {
        ObjectNode index = Json.object();
        Map<String, String> crewNames = new LinkedHashMap<>();
        model.crews.values().forEach(c -> crewNames.put(c.id, c.name));
        Set<String> agents = new TreeSet<>();
        Set<String> links = new TreeSet<>();
        for (ScanModel.Agent a : model.agents.values()) {
            agents.add(crewNames.getOrDefault(a.crewId, "-") + "/" + a.name);
            for (String t : a.toolIds) {
                ScanModel.Tool tool = model.tools.get(t);
                links.add(a.name + "->" + (tool == null ? t : tool.name));
            }
        }
        Set<String> crews = new TreeSet<>();
        model.crews.values().forEach(c -> crews.add(c.name + ":" + c.process.code()));
        Map<String, String> labels = new LinkedHashMap<>();
        graph.nodes().forEach(n -> labels.put(n.id(), n.label()));
        Set<String> edges = new TreeSet<>();
        graph.edges().forEach(e -> edges.add(e.type().code() + ":" + labels.get(e.source()) + "->"
                + labels.get(e.target())));
        Set<String> fs = new TreeSet<>();
        findings.forEach(f -> fs.add(f.ruleId() + "@" + (f.crewId() == null ? "-" : crewNames.get(f.crewId()))));
        strings(index.putArray("agents"), agents);
        strings(index.putArray("crews"), crews);
        strings(index.putArray("tool_links"), links);
        strings(index.putArray("edges"), edges);
        strings(index.putArray("findings"), fs);
        return index;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }
}
