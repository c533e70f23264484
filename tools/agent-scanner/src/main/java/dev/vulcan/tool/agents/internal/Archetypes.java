package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Archetype;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.EdgeType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the rule-based {@link Archetype} of a scan from its crews and topology (rules: RULES.md, first match
 * wins).
 */
public final class Archetypes {

    private static final Set<CrewProcess> CONVERSATIONAL = Set.of(CrewProcess.GROUP_CHAT, CrewProcess.ROUND_ROBIN,
            CrewProcess.SWARM);

    private Archetypes() {
    }

    /**
     * Classifies a scan.
     *
     * @param model the model (agents and crews)
     * @param graph its topology
     * @return the archetype, never null
     * @throws NullPointerException if an argument is null
     */
    public static Archetype classify(ScanModel model, Topology graph) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(graph, "graph");
        int agents = model.agents.size();
        if (agents == 0) {
            return Archetype.NONE;
        }
        if (agents == 1) {
            return Archetype.SINGLE_AGENT;
        }
        List<ScanModel.Crew> crews = model.crews.values().stream().filter(c -> !c.agentIds.isEmpty()).toList();
        if (crews.size() >= 2) {
            return Archetype.MULTI_CREW;
        }
        if (crews.stream().anyMatch(c -> c.process == CrewProcess.HIERARCHICAL)) {
            return Archetype.HIERARCHICAL;
        }
        if (crews.stream().anyMatch(c -> CONVERSATIONAL.contains(c.process))) {
            return Archetype.MESH;
        }
        if (crews.stream().anyMatch(c -> c.process == CrewProcess.SEQUENTIAL)) {
            return Archetype.SEQUENTIAL_PIPELINE;
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        model.agents.keySet().forEach(id -> out.put(id, new LinkedHashSet<>()));
        for (Topology.Edge e : graph.edges()) {
            boolean agentLink = e.type() == EdgeType.DELEGATES_TO || e.type() == EdgeType.SHARES_WITH;
            if (agentLink && !e.source().equals(e.target()) && out.containsKey(e.source())
                    && out.containsKey(e.target())) {
                out.get(e.source()).add(e.target());
            }
        }
        return ofAgentGraph(out);
    }

    /**
     * Classifies the largest connected component (the first one found, in agent order, on a tie) of the agent
     * links, read as a simple undirected graph; only the chain test looks at directions.
     *
     * @param out agent id to the agents it links to (no self-loops), in agent order, every agent a key
     * @return the archetype of at least two agents
     */
    static Archetype ofAgentGraph(Map<String, Set<String>> out) {
        Map<String, Set<String>> adjacency = new LinkedHashMap<>();
        out.keySet().forEach(id -> adjacency.put(id, new LinkedHashSet<>()));
        out.forEach((v, targets) -> targets.forEach(w -> {
            adjacency.get(v).add(w);
            adjacency.get(w).add(v);
        }));
        Set<String> largest = Set.of();
        Set<String> seen = new LinkedHashSet<>();
        for (String start : adjacency.keySet()) {
            if (seen.add(start)) {
                Set<String> component = new LinkedHashSet<>();
                Deque<String> queue = new ArrayDeque<>(List.of(start));
                while (!queue.isEmpty()) {
                    String v = queue.poll();
                    component.add(v);
                    for (String w : adjacency.get(v)) {
                        if (seen.add(w)) {
                            queue.add(w);
                        }
                    }
                }
                if (component.size() > largest.size()) {
                    largest = component;
                }
            }
        }
        int k = largest.size();
        if (k < 2) {
            return Archetype.INDEPENDENT_AGENTS;
        }
        long degreeSum = 0;
        int maxDegree = 0;
        int maxOut = 0;
        for (String v : largest) {
            int d = adjacency.get(v).size();
            degreeSum += d;
            maxDegree = Math.max(maxDegree, d);
            maxOut = Math.max(maxOut, out.get(v).size());
        }
        long edges = degreeSum / 2;
        if (edges >= k) {
            return Archetype.MESH;
        }
        if (maxDegree <= 2 && maxOut <= 1) {
            return Archetype.SEQUENTIAL_PIPELINE;
        }
        return maxDegree == k - 1 ? Archetype.HUB_SPOKE : Archetype.HIERARCHICAL;
    }
}
