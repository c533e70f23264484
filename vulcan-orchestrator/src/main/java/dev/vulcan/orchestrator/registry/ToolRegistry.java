package dev.vulcan.orchestrator.registry;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolCatalog;
import dev.vulcan.core.tool.ToolDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tool registry (architecture proposal E.2): the tools found through the {@link Tool} SPI with their
 * descriptors, checked once for consistency, and the selection of a run's tools with their dependencies.
 *
 * <p>Consistency rules, checked when the registry is built: a tool never depends on a tool of a later phase, and
 * dependencies have no cycle. A dependency that is not registered (its jar is not on the class path) is not an
 * error here: the run skips the dependent tool with that reason ({@link #missingDependencies(String)}).
 */
public final class ToolRegistry {

    /** The phase-0 tool that provides the canonical file universe. */
    public static final String LAYOUT_TOOL = "layout-scanner";


    private final Map<String, Tool> tools;

    private ToolRegistry(Map<String, Tool> tools) {
        this.tools = Map.copyOf(tools);
        check();
    }

    /**
     * Discovers the tools on a class loader through {@link ToolCatalog}.
     *
     * @param loader the class loader
     * @return the registry
     * @throws IllegalStateException if two tools share a name or the dependencies are inconsistent
     */
    public static ToolRegistry discover(ClassLoader loader) {
        return of(ToolCatalog.discover(Objects.requireNonNull(loader, "loader")).tools());
    }

    /**
     * Builds a registry from tools.
     *
     * @param tools the tools
     * @return the registry
     * @throws IllegalStateException if two tools share a name or the dependencies are inconsistent
     */
    public static ToolRegistry of(Collection<? extends Tool> tools) {
        Map<String, Tool> byName = new TreeMap<>();
        for (Tool tool : tools) {
            String name = tool.descriptor().name();
            if (byName.putIfAbsent(name, tool) != null) {
                throw new IllegalStateException("two tools are named '" + name + "'");
            }
        }
        return new ToolRegistry(byName);
    }

    /**
     * Returns the registered names, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return new ArrayList<>(new TreeMap<>(tools).keySet());
    }

    /**
     * Returns the tools, in execution order of a full run.
     *
     * @return the tools
     */
    public List<Tool> tools() {
        return order(tools.keySet());
    }

    /**
     * Returns the tool with a name.
     *
     * @param name the name
     * @return the tool, if registered
     */
    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Selects the tools of a run: the named ones plus, transitively, what they depend on, plus the
     * {@value #LAYOUT_TOOL} when a selected tool requires the layout (its import is checked against the file
     * universe). The layout is pulled in but is not a dependency: a tool still runs when the layout fails, and
     * the source of truth flags the run instead.
     *
     * @param requested the names asked for; empty for every tool
     * @return the selection in execution order
     * @throws UnknownToolException if a name is not registered (the message lists the known ones)
     */
    public ToolSelection select(Collection<String> requested) {
        Objects.requireNonNull(requested, "requested");
        if (requested.isEmpty()) {
            return new ToolSelection(tools(), tools.keySet());
        }
        List<String> unknown = requested.stream().filter(n -> !tools.containsKey(n)).distinct().sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownToolException(unknown, names());
        }
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(requested);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (closure.add(name)) {
                tools.get(name).descriptor().dependsOn().stream().filter(tools::containsKey).forEach(todo::add);
            }
        }
        if (tools.containsKey(LAYOUT_TOOL)
                && closure.stream().anyMatch(n -> tools.get(n).descriptor().requiresLayout())) {
            closure.add(LAYOUT_TOOL);
        }
        return new ToolSelection(order(closure), new LinkedHashSet<>(requested));
    }

    /**
     * Returns the dependencies of a tool that are not registered.
     *
     * @param name a registered tool
     * @return the missing dependency names, in declaration order
     * @throws IllegalArgumentException if the tool is not registered
     */
    public List<String> missingDependencies(String name) {
        Tool tool = tools.get(Objects.requireNonNull(name, "name"));
        if (tool == null) {
            throw new UnknownToolException(List.of(name), names());
        }
        return tool.descriptor().dependsOn().stream().filter(d -> !tools.containsKey(d)).toList();
    }

    /** Orders names by phase, dependencies first within a phase, then by name (a stable topological order). */
    private List<Tool> order(Collection<String> names) {
        List<String> pending = new ArrayList<>(names);
        pending.sort(Comparator.comparingInt((String n) -> tools.get(n).descriptor().phase())
                .thenComparing(Comparator.naturalOrder()));
        List<Tool> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            String next = null;
            for (String name : pending) {
                if (placed.containsAll(tools.get(name).descriptor().dependsOn().stream()
                        .filter(names::contains).toList())) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("tool dependencies form a cycle among " + pending);
            }
            pending.remove(next);
            placed.add(next);
            ordered.add(tools.get(next));
        }
        return List.copyOf(ordered);
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        for (Tool tool : tools.values()) {
            ToolDescriptor d = tool.descriptor();
            for (String dep : d.dependsOn()) {
                Tool target = tools.get(dep);
                if (target != null && target.descriptor().phase() > d.phase()) {
                    problems.add(d.name() + " (phase " + d.phase() + ") depends on " + dep + " of the later phase "
                            + target.descriptor().phase());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("inconsistent tool registry: " + String.join("; ", problems));
        }
        order(tools.keySet());
    }
}
