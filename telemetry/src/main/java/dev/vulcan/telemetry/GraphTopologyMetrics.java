package dev.vulcan.telemetry;

import dev.vulcan.core.json.Json;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.jgrapht.traverse.TopologicalOrderIterator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code graph_topology_metrics} of a ping (telemetry v7, P5), computed with JGraphT.
 *
 * <p>The topology graph is taken as a simple undirected graph: every typed edge of the agent-scanner graph
 * becomes one undirected edge, parallel edges and opposite directions collapse into one and self-loops are
 * dropped. The delegation graph is directed: the agent-scanner's {@code delegation_edges}.
 *
 * @param diameter the largest eccentricity within any connected component (the maximum of the component
 *     diameters when the graph is disconnected, as in the seed's networkx code); 0 for a graph without edges
 * @param avgDegree {@code 2 * undirected edges / nodes}; 0 without nodes
 * @param maxDegree the highest undirected degree; 0 without nodes
 * @param clusteringCoefficient the transitivity, {@code 3 * triangles / connected triples}; 0 without triples
 * @param connectedComponents the number of connected components; 0 without nodes
 * @param longestChain the number of edges of the longest directed path of the delegation graph; -1 when the
 *     delegation graph has a cycle (a self-delegation counts); 0 without delegation edges
 * @param hubScore {@code maxDegree / nodes}; 0 without nodes
 */
public record GraphTopologyMetrics(int diameter, double avgDegree, int maxDegree, double clusteringCoefficient,
        int connectedComponents, int longestChain, double hubScore) {

    /**
     * A directed link between two node ids.
     *
     * @param source the source node id
     * @param target the target node id
     */
    public record Link(String source, String target) {
        /**
         * Creates a link.
         *
         * @throws NullPointerException if an end is null
         */
        public Link {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Computes the metrics.
     *
     * @param nodes every node id of the topology graph
     * @param edges the topology edges (direction ignored)
     * @param delegationEdges the directed delegation edges
     * @return the metrics
     * @throws IllegalArgumentException if an edge names a node that is not in {@code nodes}
     */
    public static GraphTopologyMetrics compute(Collection<String> nodes, Collection<Link> edges,
            Collection<Link> delegationEdges) {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(delegationEdges, "delegationEdges");
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        nodes.forEach(g::addVertex);
        for (Link e : edges) {
            requireNode(g, e);
            if (!e.source().equals(e.target())) {
                g.addEdge(e.source(), e.target());
            }
        }
        int n = g.vertexSet().size();
        if (n == 0) {
            return new GraphTopologyMetrics(0, 0.0, 0, 0.0, 0, longestChain(delegationEdges), 0.0);
        }
        int maxDegree = 0;
        for (String v : g.vertexSet()) {
            maxDegree = Math.max(maxDegree, g.degreeOf(v));
        }
        double transitivity = new ClusteringCoefficient<>(g).getGlobalClusteringCoefficient();
        if (Double.isNaN(transitivity) || Double.isInfinite(transitivity)) {
            transitivity = 0.0;
        }
        int components = new ConnectivityInspector<>(g).connectedSets().size();
        return new GraphTopologyMetrics(diameter(g), 2.0 * g.edgeSet().size() / n, maxDegree, transitivity,
                components, longestChain(delegationEdges), (double) maxDegree / n);
    }

    private static void requireNode(Graph<String, DefaultEdge> g, Link e) {
        if (!g.containsVertex(e.source()) || !g.containsVertex(e.target())) {
            throw new IllegalArgumentException("edge " + e.source() + " -> " + e.target()
                    + " names a node that is not in the graph");
        }
    }

    /** The largest BFS depth from any node: the maximum of the component diameters. O(n * (n + m)). */
    private static int diameter(Graph<String, DefaultEdge> g) {
        int diameter = 0;
        for (String start : g.vertexSet()) {
            BreadthFirstIterator<String, DefaultEdge> bfs = new BreadthFirstIterator<>(g, start);
            while (bfs.hasNext()) {
                diameter = Math.max(diameter, bfs.getDepth(bfs.next()));
            }
        }
        return diameter;
    }

    /** Longest directed path (in edges) of the delegation graph, or -1 when it has a cycle. */
    static int longestChain(Collection<Link> delegationEdges) {
        Graph<String, DefaultEdge> d = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (Link e : delegationEdges) {
            if (e.source().equals(e.target())) {
                return -1;
            }
            d.addVertex(e.source());
            d.addVertex(e.target());
            d.addEdge(e.source(), e.target());
        }
        if (new CycleDetector<>(d).detectCycles()) {
            return -1;
        }
        Map<String, Integer> depth = new HashMap<>();
        int longest = 0;
        TopologicalOrderIterator<String, DefaultEdge> order = new TopologicalOrderIterator<>(d);
        while (order.hasNext()) {
            String v = order.next();
            int here = depth.getOrDefault(v, 0);
            longest = Math.max(longest, here);
            for (DefaultEdge out : d.outgoingEdgesOf(v)) {
                depth.merge(d.getEdgeTarget(out), here + 1, Math::max);
            }
        }
        return longest;
    }

    /**
     * Returns the metrics as the ping's {@code graph_topology_metrics} object.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("diameter", diameter);
        n.put("avg_degree", avgDegree);
        n.put("max_degree", maxDegree);
        n.put("clustering_coefficient", clusteringCoefficient);
        n.put("connected_components", connectedComponents);
        n.put("longest_chain", longestChain);
        n.put("hub_score", hubScore);
        return n;
    }
}
