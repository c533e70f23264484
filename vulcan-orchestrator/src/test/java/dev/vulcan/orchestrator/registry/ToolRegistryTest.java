package dev.vulcan.orchestrator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.orchestrator.testtools.Tools;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    /** The test tools registered in src/test/resources/META-INF/services. */
    static final List<String> TEST_TOOLS = List.of("t-after-throws", "t-count", "t-escapes", "t-files", "t-garbage",
            "t-hangs", "t-par-a", "t-par-b", "t-partial", "t-size", "t-throws");

    /** The real tools, runtime dependencies of this module. */
    static final List<String> REAL_TOOLS = List.of("agent-scanner", "complexity", "git-history", "layout-scanner", "loc");

    @Test
    void discovers_exactly_the_registered_tools_through_the_spi() {
        ToolRegistry registry = ToolRegistry.discover(getClass().getClassLoader());
        assertThat(registry.names()).containsAll(TEST_TOOLS);
        assertThat(registry.names().stream().filter(n -> n.startsWith("t-")).toList()).isEqualTo(TEST_TOOLS);
        assertThat(registry.names()).isEqualTo(expectedNames());
    }

    /** The test tools plus the real tools the module depends on at runtime. */
    static List<String> expectedNames() {
        return java.util.stream.Stream.concat(TEST_TOOLS.stream(), REAL_TOOLS.stream()).sorted().toList();
    }

    @Test
    void a_subset_pulls_in_its_dependencies_in_phase_order() {
        ToolRegistry registry = registry();
        ToolSelection selection = registry.select(List.of("t-size"));
        assertThat(selection.names()).containsExactly("t-files", "t-count", "t-size");
        assertThat(selection.addedDependencies()).containsExactly("t-files", "t-count");
        assertThat(selection.byPhase().keySet()).containsExactly(0, 1, 2);
        assertThat(selection.dependents().get("t-files")).containsExactly("t-count");
    }

    @Test
    void a_tool_that_requires_the_layout_pulls_in_the_layout_scanner() {
        ToolRegistry registry = ToolRegistry.discover(getClass().getClassLoader());

        assertThat(registry.select(List.of("loc")).names()).containsExactly("layout-scanner", "loc");
        assertThat(registry.select(List.of("layout-scanner")).names()).containsExactly("layout-scanner");
    }

    @Test
    void no_names_selects_every_tool_phase_by_phase() {
        ToolSelection selection = registry().select(List.of());
        assertThat(selection.names()).first().isEqualTo("t-files");
        List<Integer> phases = selection.tools().stream().map(t -> t.descriptor().phase()).toList();
        assertThat(phases).isSorted();
        assertThat(selection.names()).hasSize(TEST_TOOLS.size());
    }

    @Test
    void an_unknown_name_is_an_error_listing_the_known_tools() {
        assertThatThrownBy(() -> registry().select(List.of("t-count", "scc", "lizard")))
                .isInstanceOfSatisfying(UnknownToolException.class, e -> {
                    assertThat(e.unknown()).containsExactly("lizard", "scc");
                    assertThat(e.known()).contains("t-count", "t-files");
                })
                .hasMessageContaining("unknown tools lizard, scc; known tools: t-after-throws, t-count");
    }

    @Test
    void a_missing_dependency_is_reported_not_fatal() {
        ToolRegistry registry = ToolRegistry.of(List.of(new Tools.Count1()));
        assertThat(registry.missingDependencies("t-count")).containsExactly("t-files");
        assertThat(registry.select(List.of("t-count")).names()).containsExactly("t-count");
    }

    @Test
    void rejects_a_dependency_on_a_later_phase_and_cycles_and_duplicates() {
        assertThatThrownBy(() -> ToolRegistry.of(List.of(fixed("a", 1, "b"), fixed("b", 2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a (phase 1) depends on b of the later phase 2");
        assertThatThrownBy(() -> ToolRegistry.of(List.of(fixed("a", 1, "b"), fixed("b", 1, "a"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> ToolRegistry.of(List.of(fixed("a", 1), fixed("a", 2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two tools are named 'a'");
    }

    static ToolRegistry registry() {
        return ToolRegistry.of(List.of(new Tools.Files0(), new Tools.Count1(), new Tools.ParA(), new Tools.ParB(),
                new Tools.Size2(), new Tools.Partial(), new Tools.Throws(), new Tools.AfterThrows(), new Tools.Hangs(),
                new Tools.Escapes(), new Tools.Garbage()));
    }

    private static Tool fixed(String name, int phase, String... deps) {
        ToolDescriptor descriptor = ToolDescriptor.builder(name).phase(phase).dependsOn(deps).build();
        return new Tool() {
            @Override
            public ToolDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public ToolResult analyze(ToolContext context) {
                throw new UnsupportedOperationException("never run");
            }
        };
    }
}
