package dev.vulcan.core.config;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated tool config file.
 *
 * @param schemaVersion the config's schema_version
 * @param toolName the tool the config is for
 * @param parameters the standard parameters it gives
 * @param toolSpecific the tool_specific section (empty object when absent)
 * @param warnings warnings for the user, such as unknown fields
 */
public record LoadedToolConfig(String schemaVersion, String toolName, ToolParameters parameters,
        ObjectNode toolSpecific, List<String> warnings) {

    /**
     * Creates a loaded config.
     *
     * @throws NullPointerException if any component is null
     */
    public LoadedToolConfig {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(parameters, "parameters");
        toolSpecific = Objects.requireNonNull(toolSpecific, "toolSpecific").deepCopy();
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns a copy of the tool_specific section.
     *
     * @return a fresh copy
     */
    @Override
    public ObjectNode toolSpecific() {
        return toolSpecific.deepCopy();
    }
}
