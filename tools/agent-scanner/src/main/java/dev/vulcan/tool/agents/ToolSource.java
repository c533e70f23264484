package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a tool comes from.
 */
public enum ToolSource {
    /** A framework's or its tool package's built-in tool (SerperDevTool, TavilySearchResults, WebSearchTool...). */
    BUILTIN("builtin"),
    /** Defined in the repository (@tool, @function_tool, a BaseTool subclass, a plain function passed as a tool). */
    CUSTOM("custom"),
    /** Exposed by an MCP server (@mcp.tool or an mcpServers entry). */
    MCP("mcp"),
    /** Imported from another library the scanner does not catalog. */
    LIBRARY("library");

    private final String code;

    ToolSource(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code written in artifacts.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static ToolSource fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ToolSource code: '" + code + "'"));
    }
}
