package dev.vulcan.tool.agents.internal;

import dev.vulcan.core.severity.Severity;
import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the rule catalog ({@link Rule}, RULES.md) to a model and its topology. Rules are evaluated per scope:
 * each crew, and for agents outside any crew one scope per defining file (reported with no crew).
 */
public final class Findings {

    /** One piece of evidence. */
    public record Evidence(String path, int line, String detail) {
    }

    /** A finding. */
    public record Finding(String id, String ruleId, Rule rule, String crewId, Framework framework,
            List<String> subjects, List<Evidence> evidence, String remediation, List<String> mitigatedBy) {
        /**
         * Returns the severity of the rule.
         *
         * @return the severity of the rule
         */
        public Severity severity() {
            return rule.severity();
        }
    }

    private record Scope(String crewId, String key, List<String> agentIds, Framework framework, CrewProcess process,
            List<String> flow) {
    }

    private Findings() {
    }

    /**
     * The human gates of the repository: nodes (agents, tools) gated for every use, and tool uses gated only for
     * one agent ({@code agentId>toolId}), from a prebuilt agent's or a graph's {@code interrupt_before=["tools"]}.
     */
    private record Gates(Set<String> nodes, Set<String> uses) {
        static Gates of(ScanModel model) {
            Set<String> nodes = new HashSet<>();
            Set<String> uses = new HashSet<>();
            for (ScanModel.Guardrail g : model.guardrails.values()) {
                if (g.kind != GuardrailKind.HUMAN_IN_THE_LOOP) {
                    continue;
                }
                for (String id : g.guards) {
                    Set<String> only = g.toolUsers.get(id);
                    if (only == null) {
                        nodes.add(id);
                    } else {
                        only.forEach(a -> uses.add(a + ">" + id));
                    }
                }
            }
            return new Gates(nodes, uses);
        }

        boolean agent(String agentId) {
            return nodes.contains(agentId);
        }

        boolean everyUse(String toolId) {
            return nodes.contains(toolId);
        }

        boolean use(String agentId, String toolId) {
            return nodes.contains(toolId) || uses.contains(agentId + ">" + toolId);
        }
    }

    /**
     * Evaluates every rule.
     *
     * @param model the model
     * @param graph the topology
     * @return the findings, in rule order then scope order
     */
    public static List<Finding> evaluate(ScanModel model, Topology graph) {
        List<Scope> scopes = scopes(model);
        Gates gated = Gates.of(model);
        List<Finding> out = new ArrayList<>();
        for (Scope s : scopes) {
            exfiltration(model, graph, gated, s, out);
        }
        for (Scope s : scopes) {
            unapproved(model, gated, s, Capability.DESTRUCTIVE, Rule.DESTRUCTIVE_WITHOUT_APPROVAL, out);
        }
        for (Scope s : scopes) {
            for (ScanModel.Tool t : toolsOf(model, s.agentIds())) {
                if (t.capabilities.contains(Capability.CODE_EXEC)) {
                    List<String> users = users(model, s.agentIds(), t.id);
                    out.add(finding(model, Rule.CODE_EXECUTION_TOOL, s, t.id, subjects(t.id, users),
                            evidence(model, t, users, "code execution tool " + t.name)));
                }
            }
        }
        for (Scope s : scopes) {
            unapproved(model, gated, s, Capability.FINANCIAL, Rule.FINANCIAL_WITHOUT_APPROVAL, out);
        }
        for (ScanModel.Tool t : model.tools.values()) {
            boolean used = model.agents.values().stream().anyMatch(a -> a.toolIds.contains(t.id));
            if (t.mcpServerId != null && !used && !gated.everyUse(t.id)) {
                mcpTool(model, t, out);
            }
        }
        for (ScanModel.McpServer m : model.mcpServers.values()) {
            if (Boolean.FALSE.equals(m.pinned)) {
                Scope none = new Scope(null, "mcp", List.of(), Framework.MCP, null, List.of());
                out.add(new Finding(Rule.UNPINNED_MCP_SERVER.id() + ":" + m.id, Rule.UNPINNED_MCP_SERVER.id(),
                        Rule.UNPINNED_MCP_SERVER, null, Framework.MCP, List.of(m.id),
                        List.of(new Evidence(m.location.path(), m.location.line(),
                                m.launcher + " runs " + m.packageName + " without a pinned version")),
                        Remediation.text(Rule.UNPINNED_MCP_SERVER, none.framework()), List.of()));
            }
        }
        for (Scope s : scopes) {
            if (s.crewId() == null) {
                continue;
            }
            int instance = 0;
            for (ScanModel.Tool t : toolsOf(model, s.agentIds())) {
                List<String> users = users(model, s.agentIds(), t.id);
                if (users.size() >= 2) {
                    String ruleId = instance == 0 ? Rule.SHARED_TOOL_BLAST_RADIUS.id()
                            : Rule.SHARED_TOOL_BLAST_RADIUS.id() + "." + instance;
                    instance++;
                    out.add(new Finding(ruleId + ":" + s.key() + ":" + t.id, ruleId, Rule.SHARED_TOOL_BLAST_RADIUS,
                            s.crewId(), s.framework(), subjects(t.id, users),
                            evidence(model, t, users, "tool " + t.name + " shared by " + users.size() + " agents"),
                            Remediation.text(Rule.SHARED_TOOL_BLAST_RADIUS, s.framework()),
                            mitigations(model, subjects(t.id, users))));
                }
            }
        }
        for (Scope s : scopes) {
            if (s.crewId() != null && s.process() == CrewProcess.SEQUENTIAL) {
                pipelineStores(model, s, out);
            }
        }
        return out;
    }

    private static List<Scope> scopes(ScanModel model) {
        List<Scope> out = new ArrayList<>();
        for (ScanModel.Crew c : model.crews.values()) {
            out.add(new Scope(c.id, c.id, List.copyOf(c.agentIds), c.framework, c.process, List.copyOf(c.flow)));
        }
        Map<String, List<String>> loose = new LinkedHashMap<>();
        Map<String, Framework> fw = new LinkedHashMap<>();
        for (ScanModel.Agent a : model.agents.values()) {
            if (a.crewId == null) {
                loose.computeIfAbsent(a.location.path(), k -> new ArrayList<>()).add(a.id);
                fw.putIfAbsent(a.location.path(), a.framework);
            }
        }
        loose.forEach((path, ids) -> out.add(new Scope(null, "file:" + path, ids, fw.get(path), null, List.of())));
        return out;
    }

    private static void exfiltration(ScanModel model, Topology graph, Gates gated, Scope s, List<Finding> out) {
        Set<String> within = new LinkedHashSet<>(s.agentIds());
        Set<String> subjects = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        for (String aId : s.agentIds()) {
            ScanModel.Agent a = model.agents.get(aId);
            for (String tdId : a.toolIds) {
                ScanModel.Tool td = model.tools.get(tdId);
                if (td == null || !td.capabilities.contains(Capability.DATA_ACCESS)) {
                    continue;
                }
                for (String bId : graph.reach(aId, within)) {
                    ScanModel.Agent b = model.agents.get(bId);
                    for (String toId : b.toolIds) {
                        ScanModel.Tool to = model.tools.get(toId);
                        if (to == null || !to.capabilities.contains(Capability.OUTBOUND)) {
                            continue;
                        }
                        if (gated.agent(aId) || gated.agent(bId) || gated.use(aId, tdId) || gated.use(bId, toId)) {
                            continue;
                        }
                        if (subjects.add(tdId + ">" + toId)) {
                            evidence.add(new Evidence(td.location.path(), td.location.line(),
                                    a.name + " reads with " + td.name + "; " + b.name + " sends with " + to.name));
                        }
                    }
                }
            }
        }
        if (!subjects.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String pair : subjects) {
                String[] p = pair.split(">", 2);
                ids.add(p[0]);
                ids.add(p[1]);
            }
            List<String> subj = new ArrayList<>(ids);
            out.add(new Finding(Rule.UNGUARDED_DATA_EXFILTRATION_PATH.id() + ":" + s.key(),
                    Rule.UNGUARDED_DATA_EXFILTRATION_PATH.id(), Rule.UNGUARDED_DATA_EXFILTRATION_PATH, s.crewId(),
                    s.framework(), subj, evidence, Remediation.text(Rule.UNGUARDED_DATA_EXFILTRATION_PATH, s.framework()),
                    mitigations(model, withAgents(subj, s.agentIds()))));
        }
    }

    /** Rules 002-004 for a tool an MCP server exposes: any client agent may call it, so no crew applies. */
    private static void mcpTool(ScanModel model, ScanModel.Tool t, List<Finding> out) {
        List<Rule> rules = new ArrayList<>();
        if (t.capabilities.contains(Capability.DESTRUCTIVE)) {
            rules.add(Rule.DESTRUCTIVE_WITHOUT_APPROVAL);
        }
        if (t.capabilities.contains(Capability.CODE_EXEC)) {
            rules.add(Rule.CODE_EXECUTION_TOOL);
        }
        if (t.capabilities.contains(Capability.FINANCIAL)) {
            rules.add(Rule.FINANCIAL_WITHOUT_APPROVAL);
        }
        for (Rule rule : rules) {
            List<String> subjects = List.of(t.id, t.mcpServerId);
            out.add(new Finding(rule.id() + ":" + t.mcpServerId + ":" + t.id, rule.id(), rule, null, Framework.MCP,
                    subjects, List.of(new Evidence(t.location.path(), t.location.line(),
                            "MCP tool " + t.name + " exposed by " + t.mcpServerId.substring("mcp_server:".length()))),
                    Remediation.text(rule, Framework.MCP), mitigations(model, subjects)));
        }
    }

    private static void unapproved(ScanModel model, Gates gated, Scope s, Capability cap, Rule rule,
            List<Finding> out) {
        for (ScanModel.Tool t : toolsOf(model, s.agentIds())) {
            if (!t.capabilities.contains(cap) || gated.everyUse(t.id)) {
                continue;
            }
            List<String> users = users(model, s.agentIds(), t.id).stream()
                    .filter(u -> !gated.agent(u) && !gated.use(u, t.id)).toList();
            if (!users.isEmpty()) {
                out.add(finding(model, rule, s, t.id, subjects(t.id, users),
                        evidence(model, t, users, cap.code() + " tool " + t.name + " without human approval")));
            }
        }
    }

    private static Finding finding(ScanModel model, Rule rule, Scope s, String toolId, List<String> subjects,
            List<Evidence> evidence) {
        return new Finding(rule.id() + ":" + s.key() + ":" + toolId, rule.id(), rule, s.crewId(), s.framework(),
                subjects, evidence, Remediation.text(rule, s.framework()), mitigations(model, subjects));
    }

    private static void pipelineStores(ScanModel model, Scope s, List<Finding> out) {
        List<String> flow = s.flow();
        Set<String> subjects = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < flow.size(); i++) {
            for (int j = i + 1; j < flow.size(); j++) {
                if (flow.get(i).equals(flow.get(j))) {
                    continue;
                }
                Set<String> shared = new TreeSet<>(stores(model, flow.get(i)));
                shared.retainAll(stores(model, flow.get(j)));
                for (String store : shared) {
                    if (subjects.add(flow.get(i) + ">" + flow.get(j) + ">" + store)) {
                        ScanModel.Agent up = model.agents.get(flow.get(i));
                        ScanModel.Agent down = model.agents.get(flow.get(j));
                        evidence.add(new Evidence(down.location.path(), down.location.line(),
                                up.name + " (upstream) and " + down.name + " (downstream) both read " + store));
                    }
                }
            }
        }
        if (!subjects.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String sub : subjects) {
                String[] p = sub.split(">", 3);
                ids.add(p[0]);
                ids.add(p[1]);
                ids.add("data_store:" + p[2]);
            }
            List<String> subj = new ArrayList<>(ids);
            out.add(new Finding(Rule.SHARED_DATA_STORE_IN_PIPELINE.id() + ":" + s.key(),
                    Rule.SHARED_DATA_STORE_IN_PIPELINE.id(), Rule.SHARED_DATA_STORE_IN_PIPELINE, s.crewId(),
                    s.framework(), subj, evidence, Remediation.text(Rule.SHARED_DATA_STORE_IN_PIPELINE, s.framework()),
                    mitigations(model, subj)));
        }
    }

    private static Set<String> stores(ScanModel model, String agentId) {
        Set<String> out = new TreeSet<>();
        ScanModel.Agent a = model.agents.get(agentId);
        for (String t : a.toolIds) {
            ScanModel.Tool tool = model.tools.get(t);
            if (tool != null) {
                out.addAll(tool.readsFrom);
            }
        }
        return out;
    }

    private static List<ScanModel.Tool> toolsOf(ScanModel model, List<String> agentIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String a : agentIds) {
            ids.addAll(model.agents.get(a).toolIds);
        }
        List<ScanModel.Tool> out = new ArrayList<>();
        for (String id : ids) {
            ScanModel.Tool t = model.tools.get(id);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> users(ScanModel model, List<String> agentIds, String toolId) {
        return agentIds.stream().filter(a -> model.agents.get(a).toolIds.contains(toolId)).toList();
    }

    private static List<String> subjects(String toolId, List<String> users) {
        List<String> out = new ArrayList<>();
        out.add(toolId);
        out.addAll(users);
        return out;
    }

    private static List<String> withAgents(List<String> subjects, List<String> agents) {
        Set<String> out = new LinkedHashSet<>(subjects);
        out.addAll(agents);
        return new ArrayList<>(out);
    }

    private static List<Evidence> evidence(ScanModel model, ScanModel.Tool t, List<String> users, String detail) {
        List<Evidence> out = new ArrayList<>();
        out.add(new Evidence(t.location.path(), t.location.line(), detail));
        for (String u : users) {
            ScanModel.Agent a = model.agents.get(u);
            out.add(new Evidence(a.location.path(), a.location.line(), "used by agent " + a.name));
        }
        return out;
    }

    private static List<String> mitigations(ScanModel model, List<String> subjects) {
        List<String> out = new ArrayList<>();
        for (ScanModel.Guardrail g : model.guardrails.values()) {
            if (g.guards.stream().anyMatch(id -> subjects.contains(id) && g.covers(id, subjects))) {
                out.add(g.id);
            }
        }
        return out;
    }

    /**
     * Returns the risk score: {@code round(100 * (1 - prod(1 - w(severity))))} over all findings, with
     * w = 0.5 critical, 0.25 high, 0.1 medium, 0.04 low, 0.01 info; 0 without findings. Adding a finding never
     * lowers the score and the score never exceeds 100.
     *
     * @param findings the findings
     * @return the score, 0..100
     */
    public static int riskScore(List<Finding> findings) {
        double keep = 1.0;
        for (Finding f : findings) {
            keep *= 1.0 - weight(f.severity());
        }
        return (int) Math.round(100.0 * (1.0 - keep));
    }

    private static double weight(Severity s) {
        return switch (s) {
            case CRITICAL -> 0.5;
            case HIGH -> 0.25;
            case MEDIUM -> 0.1;
            case LOW -> 0.04;
            case INFO -> 0.01;
            case UNKNOWN -> 0.0;
        };
    }
}
