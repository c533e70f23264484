package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vulcan.telemetry.GraphTopologyMetrics.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTopologyMetricsTest {

    private static Link l(String a, String b) {
        return new Link(a, b);
    }

    @Test
    void path_of_five_nodes_has_diameter_four_and_chain_four() {
        List<Link> edges = List.of(l("a", "b"), l("b", "c"), l("c", "d"), l("d", "e"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("a", "b", "c", "d", "e"), edges, edges);

        assertThat(m.diameter()).isEqualTo(4);
        assertThat(m.avgDegree()).isCloseTo(8.0 / 5, within(1e-12));
        assertThat(m.maxDegree()).isEqualTo(2);
        assertThat(m.clusteringCoefficient()).isZero();
        assertThat(m.connectedComponents()).isEqualTo(1);
        assertThat(m.longestChain()).isEqualTo(4);
        assertThat(m.hubScore()).isCloseTo(2.0 / 5, within(1e-12));
    }

    @Test
    void star_has_a_hub_and_diameter_two() {
        List<Link> edges = List.of(l("hub", "a"), l("hub", "b"), l("hub", "c"), l("hub", "d"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("hub", "a", "b", "c", "d"), edges, edges);

        assertThat(m.diameter()).isEqualTo(2);
        assertThat(m.maxDegree()).isEqualTo(4);
        assertThat(m.hubScore()).isCloseTo(0.8, within(1e-12));
        assertThat(m.avgDegree()).isCloseTo(1.6, within(1e-12));
        assertThat(m.clusteringCoefficient()).isZero();
        assertThat(m.longestChain()).isEqualTo(1);
    }

    @Test
    void triangle_is_fully_transitive_and_a_directed_triangle_is_a_cycle() {
        List<Link> edges = List.of(l("a", "b"), l("b", "c"), l("c", "a"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("a", "b", "c"), edges, edges);

        assertThat(m.clusteringCoefficient()).isCloseTo(1.0, within(1e-12));
        assertThat(m.diameter()).isEqualTo(1);
        assertThat(m.longestChain()).isEqualTo(-1);
    }

    @Test
    void clustering_coefficient_is_transitivity_not_the_average_local_coefficient() {
        // triangle a-b-c plus pendant d on a: 1 triangle, 5 connected triples -> 3/5; average local would be 7/12
        List<Link> edges = List.of(l("a", "b"), l("b", "c"), l("c", "a"), l("a", "d"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("a", "b", "c", "d"), edges, List.of());

        assertThat(m.clusteringCoefficient()).isCloseTo(0.6, within(1e-12));
        assertThat(m.longestChain()).isZero();
    }

    @Test
    void disconnected_graph_takes_the_largest_component_diameter() {
        // a path of 4 nodes (diameter 3), an edge (diameter 1) and an isolated node
        List<Link> edges = List.of(l("a", "b"), l("b", "c"), l("c", "d"), l("x", "y"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("a", "b", "c", "d", "x", "y", "z"), edges,
                List.of());

        assertThat(m.diameter()).isEqualTo(3);
        assertThat(m.connectedComponents()).isEqualTo(3);
        assertThat(m.avgDegree()).isCloseTo(8.0 / 7, within(1e-12));
    }

    @Test
    void longest_chain_is_minus_one_on_a_delegation_cycle_even_when_the_topology_is_acyclic() {
        GraphTopologyMetrics mutual = GraphTopologyMetrics.compute(List.of("a", "b", "c"),
                List.of(l("a", "b"), l("b", "c")), List.of(l("a", "b"), l("b", "a"), l("b", "c")));
        GraphTopologyMetrics self = GraphTopologyMetrics.compute(List.of("a"), List.of(), List.of(l("a", "a")));

        assertThat(mutual.longestChain()).isEqualTo(-1);
        assertThat(self.longestChain()).isEqualTo(-1);
    }

    @Test
    void longest_chain_follows_the_longest_branch_of_a_dag() {
        List<Link> delegation = List.of(l("m", "a"), l("a", "b"), l("b", "c"), l("m", "x"), l("x", "c"));
        assertThat(GraphTopologyMetrics.longestChain(delegation)).isEqualTo(3);
    }

    @Test
    void parallel_and_opposite_edges_collapse_and_self_loops_are_ignored() {
        List<Link> edges = List.of(l("a", "b"), l("b", "a"), l("a", "b"), l("a", "a"));
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of("a", "b"), edges, List.of());

        assertThat(m.avgDegree()).isCloseTo(1.0, within(1e-12));
        assertThat(m.maxDegree()).isEqualTo(1);
    }

    @Test
    void empty_graph_has_zero_metrics() {
        GraphTopologyMetrics m = GraphTopologyMetrics.compute(List.of(), List.of(), List.of());
        assertThat(m).isEqualTo(new GraphTopologyMetrics(0, 0.0, 0, 0.0, 0, 0, 0.0));
    }

    @Test
    void rejects_an_edge_to_an_unknown_node() {
        assertThatThrownBy(() -> GraphTopologyMetrics.compute(List.of("a"), List.of(l("a", "ghost")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    }
}
