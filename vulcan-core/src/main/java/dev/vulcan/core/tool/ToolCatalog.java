package dev.vulcan.core.tool;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The tools found on a class path through the {@link Tool} service, by name.
 */
public final class ToolCatalog {

    private final Map<String, Tool> tools;

    private ToolCatalog(Map<String, Tool> tools) {
        this.tools = Map.copyOf(tools);
    }

    /**
     * Discovers the tools registered with {@link ServiceLoader} on a class loader.
     *
     * @param loader the class loader
     * @return the catalog
     * @throws IllegalStateException if two tools share a name
     */
    public static ToolCatalog discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Map<String, Tool> found = new TreeMap<>();
        for (Tool tool : ServiceLoader.load(Tool.class, loader)) {
            String name = tool.descriptor().name();
            Tool previous = found.putIfAbsent(name, tool);
            if (previous != null) {
                throw new IllegalStateException("two tools are named '" + name + "': "
                        + previous.getClass().getName() + " and " + tool.getClass().getName());
            }
        }
        return new ToolCatalog(found);
    }

    /**
     * Returns the tool with a name.
     *
     * @param name the tool name
     * @return the tool, if found
     */
    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /**
     * Returns the names of the tools found, sorted.
     *
     * @return the names
     */
    public Collection<String> names() {
        return new TreeMap<>(tools).keySet();
    }

    /**
     * Returns the tools found, sorted by name.
     *
     * @return the tools
     */
    public Collection<Tool> tools() {
        return new TreeMap<>(tools).values();
    }
}
