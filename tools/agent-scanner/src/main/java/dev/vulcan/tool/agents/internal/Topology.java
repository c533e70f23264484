package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.EdgeType;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.NodeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The topology graph of a scan: typed nodes and typed edges built from the model, and a name-independent
 * signature hash of its shape (a Weisfeiler-Lehman refinement of node types, tool capabilities and edge types).
 */
public final class Topology {

    /** A node. */
    public record Node(String id, NodeType type, String label, String crewId) {
    }

    /** A directed, typed edge. */
    public record Edge(String source, String target, EdgeType type) {
    }

    private static final int WL_ROUNDS = 3;

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final Map<String, String> initialLabels = new HashMap<>();

    /**
     * Builds the graph.
     *
     * @param model the model
     * @param delegations explicit delegation links (handoffs, graph edges)
     * @param contextLinks task-context links by crew
     * @return the graph
     */
    public static Topology build(ScanModel model, Map<String, Set<String>> delegations,
            Map<String, Set<String>> contextLinks) {
        Topology g = new Topology();
        for (ScanModel.Agent a : model.agents.values()) {
            g.node(a.id, NodeType.AGENT, a.name, a.crewId, "agent");
        }
        for (ScanModel.McpServer s : model.mcpServers.values()) {
            g.node(s.id, NodeType.MCP_SERVER, s.name, null, "mcp_server");
        }
        for (ScanModel.Tool t : model.tools.values()) {
            g.node(t.id, NodeType.TOOL, t.name, null, "tool:" + t.capabilities.stream().map(Capability::code)
                    .sorted().collect(Collectors.joining(",")));
            for (String s : t.readsFrom) {
                g.node("data_store:" + s, NodeType.DATA_STORE, s, null, "data_store");
                g.edge(t.id, "data_store:" + s, EdgeType.READS_FROM);
            }
            for (String s : t.writesTo) {
                g.node("data_store:" + s, NodeType.DATA_STORE, s, null, "data_store");
                g.edge(t.id, "data_store:" + s, EdgeType.WRITES_TO);
            }
            for (String s : t.calls) {
                g.node("external_service:" + s, NodeType.EXTERNAL_SERVICE, s, null, "external_service");
                g.edge(t.id, "external_service:" + s, EdgeType.CALLS);
            }
            if (t.mcpServerId != null && g.nodes.containsKey(t.mcpServerId)) {
                g.edge(t.id, t.mcpServerId, EdgeType.CALLS);
            }
        }
        for (ScanModel.Agent a : model.agents.values()) {
            for (String t : a.toolIds) {
                g.edge(t, a.id, EdgeType.TOOL_OF);
            }
            for (String s : a.mcpServerIds) {
                g.edge(a.id, s, EdgeType.CALLS);
            }
        }
        delegations.forEach((from, targets) -> targets.forEach(to -> g.edge(from, to, EdgeType.DELEGATES_TO)));
        for (ScanModel.Crew c : model.crews.values()) {
            if (c.managerAgentId != null) {
                for (String m : c.agentIds) {
                    if (!m.equals(c.managerAgentId)) {
                        g.edge(c.managerAgentId, m, EdgeType.DELEGATES_TO);
                    }
                }
            }
            for (String m : c.agentIds) {
                ScanModel.Agent a = model.agents.get(m);
                if (a != null && a.allowDelegation) {
                    for (String other : c.agentIds) {
                        if (!other.equals(m)) {
                            g.edge(m, other, EdgeType.DELEGATES_TO);
                        }
                    }
                }
            }
            if (c.process == CrewProcess.SEQUENTIAL) {
                for (int i = 0; i + 1 < c.flow.size(); i++) {
                    if (!c.flow.get(i).equals(c.flow.get(i + 1))) {
                        g.edge(c.flow.get(i), c.flow.get(i + 1), EdgeType.SHARES_WITH);
                    }
                }
            }
            for (String link : contextLinks.getOrDefault(c.id, Set.of())) {
                String[] p = link.split("\n", 2);
                if (!p[0].equals(p[1])) {
                    g.edge(p[0], p[1], EdgeType.SHARES_WITH);
                }
            }
        }
        for (ScanModel.Guardrail gr : model.guardrails.values()) {
            g.node(gr.id, NodeType.GUARDRAIL, gr.kind.code(), null, "guardrail:" + gr.kind.code());
            EdgeType type = gr.kind == GuardrailKind.HUMAN_IN_THE_LOOP ? EdgeType.GATED_BY : EdgeType.FILTERED_BY;
            for (String guarded : gr.guards) {
                g.edge(guarded, gr.id, type);
            }
        }
        return g;
    }

    private void node(String id, NodeType type, String label, String crewId, String shapeLabel) {
        if (!nodes.containsKey(id)) {
            nodes.put(id, new Node(id, type, label, crewId));
            initialLabels.put(id, shapeLabel);
        }
    }

    private void edge(String source, String target, EdgeType type) {
        if (nodes.containsKey(source) && nodes.containsKey(target)) {
            edges.add(new Edge(source, target, type));
        }
    }

    /**
     * Returns the nodes, in insertion order.
     *
     * @return the nodes
     */
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /**
     * Returns the edges, in insertion order.
     *
     * @return the edges
     */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /**
     * Returns the agents reachable from an agent through delegates_to and shares_with edges (the agent included).
     *
     * @param agentId the start
     * @param within the agents allowed on the path
     * @return the reachable agents
     */
    public Set<String> reach(String agentId, Set<String> within) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(agentId));
        while (!todo.isEmpty()) {
            String cur = todo.remove(todo.size() - 1);
            if (!seen.add(cur)) {
                continue;
            }
            for (Edge e : edges) {
                if (e.source().equals(cur) && within.contains(e.target())
                        && (e.type() == EdgeType.DELEGATES_TO || e.type() == EdgeType.SHARES_WITH)) {
                    todo.add(e.target());
                }
            }
        }
        return seen;
    }

    /**
     * Returns the hash of the graph's shape: equal for graphs that differ only in names (ids and labels), 16 hex.
     *
     * @return the signature hash
     */
    public String signatureHash() {
        Map<String, String> labels = new HashMap<>(initialLabels);
        for (int round = 0; round < WL_ROUNDS; round++) {
            Map<String, List<String>> neighbourhood = new HashMap<>();
            for (Edge e : edges) {
                neighbourhood.computeIfAbsent(e.source(), k -> new ArrayList<>())
                        .add(e.type().code() + ">" + labels.get(e.target()));
                neighbourhood.computeIfAbsent(e.target(), k -> new ArrayList<>())
                        .add(e.type().code() + "<" + labels.get(e.source()));
            }
            Map<String, String> next = new HashMap<>();
            for (String id : nodes.keySet()) {
                List<String> n = new ArrayList<>(neighbourhood.getOrDefault(id, List.of()));
                n.sort(null);
                next.put(id, sha(labels.get(id) + "|" + String.join(";", n)).substring(0, 16));
            }
            labels = next;
        }
        List<String> all = new ArrayList<>(labels.values());
        all.sort(null);
        return sha(nodes.size() + "/" + edges.size() + "/" + String.join(",", all)).substring(0, 16);
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
