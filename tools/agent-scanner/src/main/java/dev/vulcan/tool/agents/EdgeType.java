package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * The type of a topology graph edge; the direction is documented per type.
 */
public enum EdgeType {
    /** tool -> agent: the agent can call the tool. */
    TOOL_OF("tool_of"),
    /** agent -> agent: the source can hand work to the target (hierarchical manager, allow_delegation, graph edges, handoffs, group chat manager). */
    DELEGATES_TO("delegates_to"),
    /** tool -> data_store. */
    READS_FROM("reads_from"),
    /** tool -> data_store. */
    WRITES_TO("writes_to"),
    /** tool -> external_service or mcp_server, agent -> mcp_server. */
    CALLS("calls"),
    /** agent -> agent: the source's output flows to the target (sequential task order, task context). */
    SHARES_WITH("shares_with"),
    /** agent or tool -> guardrail: a human-in-the-loop gate. */
    GATED_BY("gated_by"),
    /** agent or tool -> guardrail: validation, limits or a guardrail library. */
    FILTERED_BY("filtered_by");

    private final String code;

    EdgeType(String code) {
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
    public static EdgeType fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown EdgeType code: '" + code + "'"));
    }
}
