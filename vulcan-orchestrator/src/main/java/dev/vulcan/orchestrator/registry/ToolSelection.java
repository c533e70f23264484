package dev.vulcan.orchestrator.registry;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tools of one run: what was asked plus every dependency, in execution order (phase, then dependencies
 * before dependents, then name).
 *
 * @param tools the selected tools in execution order
 * @param requested the names asked for (every tool when nothing was asked)
 */
public record ToolSelection(List<Tool> tools, Set<String> requested) {

    /**
     * Creates a selection.
     *
     * @throws NullPointerException if a component is null
     */
    public ToolSelection {
        tools = List.copyOf(tools);
        requested = Set.copyOf(requested);
    }

    /**
     * Returns the names of the selected tools in execution order.
     *
     * @return the names
     */
    public List<String> names() {
        return tools.stream().map(t -> t.descriptor().name()).toList();
    }

    /**
     * Returns the descriptors grouped by phase, each group in execution order.
     *
     * @return phase to descriptors, phases ascending
     */
    public SortedMap<Integer, List<ToolDescriptor>> byPhase() {
        SortedMap<Integer, List<ToolDescriptor>> phases = new TreeMap<>();
        for (Tool tool : tools) {
            phases.computeIfAbsent(tool.descriptor().phase(), p -> new ArrayList<>()).add(tool.descriptor());
        }
        phases.replaceAll((p, list) -> List.copyOf(list));
        return Collections.unmodifiableSortedMap(phases);
    }

    /**
     * Returns the selected tool with a name.
     *
     * @param name the name
     * @return the tool
     * @throws IllegalArgumentException if it is not selected
     */
    public Tool tool(String name) {
        Objects.requireNonNull(name, "name");
        return tools.stream().filter(t -> t.descriptor().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tool " + name + " is not selected"));
    }

    /**
     * Returns the tools that were pulled in as dependencies only.
     *
     * @return names not asked for, in execution order
     */
    public List<String> addedDependencies() {
        return names().stream().filter(n -> !requested.contains(n)).toList();
    }

    /**
     * Returns, per selected tool, the selected tools that depend on it directly.
     *
     * @return name to direct dependents
     */
    public Map<String, List<String>> dependents() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Tool tool : tools) {
            out.putIfAbsent(tool.descriptor().name(), new ArrayList<>());
            for (String dep : tool.descriptor().dependsOn()) {
                out.computeIfAbsent(dep, d -> new ArrayList<>()).add(tool.descriptor().name());
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }
}
