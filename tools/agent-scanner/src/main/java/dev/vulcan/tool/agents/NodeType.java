package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * The type of a topology graph node.
 */
public enum NodeType {
    /** An agent. */
    AGENT("agent"),
    /** A tool (with its capabilities). */
    TOOL("tool"),
    /** A data store tools read or write. */
    DATA_STORE("data_store"),
    /** An external service outbound tools call. */
    EXTERNAL_SERVICE("external_service"),
    /** A guardrail. */
    GUARDRAIL("guardrail"),
    /** An MCP server. */
    MCP_SERVER("mcp_server");

    private final String code;

    NodeType(String code) {
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
    public static NodeType fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown NodeType code: '" + code + "'"));
    }
}
