package dev.vulcan.sot.internal.adapter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The adapters the engine knows, looked up by tool name and schema version. */
public final class AdapterRegistry {

    private final List<ToolAdapter> adapters;

    /**
     * Creates a registry.
     *
     * @param adapters the adapters; at most one per (tool, schema major)
     * @throws IllegalArgumentException if two adapters claim the same tool and major version
     */
    public AdapterRegistry(List<ToolAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
        long distinct = this.adapters.stream().map(ToolAdapter::adapterName).distinct().count();
        if (distinct != this.adapters.size()) {
            throw new IllegalArgumentException("two adapters for the same tool and schema major version");
        }
    }

    /**
     * Returns the built-in adapters: layout-scanner, loc, complexity, git-history and agent-scanner, all v1.
     *
     * @return the registry
     */
    public static AdapterRegistry builtIn() {
        return new AdapterRegistry(List.of(new LayoutScannerV1Adapter(), new LocV1Adapter(), new ComplexityV1Adapter(),
                new GitHistoryV1Adapter(), new AgentScannerV1Adapter()));
    }

    /**
     * Returns every adapter.
     *
     * @return the adapters
     */
    public List<ToolAdapter> all() {
        return adapters;
    }

    /**
     * Finds the adapter of a tool's schema version.
     *
     * @param toolName the tool
     * @param schemaVersion the artifact's schema version, MAJOR.MINOR.PATCH
     * @return the adapter, empty when none reads that major version or the version is malformed
     */
    public Optional<ToolAdapter> find(String toolName, String schemaVersion) {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        int dot = schemaVersion.indexOf('.');
        int major;
        try {
            major = Integer.parseInt(dot < 0 ? schemaVersion : schemaVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return adapters.stream().filter(a -> a.toolName().equals(toolName) && a.schemaMajor() == major).findFirst();
    }

    /**
     * Describes the known adapters, for error messages.
     *
     * @return such as {@code layout-scanner/v1, loc/v1}
     */
    public String describe() {
        return adapters.stream().map(ToolAdapter::adapterName).sorted().collect(Collectors.joining(", "));
    }
}
