package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a crew's members work together.
 */
public enum CrewProcess {
    /** Tasks run in order, each output feeding the next (CrewAI default). */
    SEQUENTIAL("sequential"),
    /** A manager delegates to members (CrewAI Process.hierarchical). */
    HIERARCHICAL("hierarchical"),
    /** A LangGraph state graph. */
    GRAPH("graph"),
    /** An AutoGen GroupChat (with a GroupChatManager) or SelectorGroupChat. */
    GROUP_CHAT("group_chat"),
    /** An AutoGen RoundRobinGroupChat. */
    ROUND_ROBIN("round_robin"),
    /** An AutoGen Swarm. */
    SWARM("swarm");

    private final String code;

    CrewProcess(String code) {
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
    public static CrewProcess fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CrewProcess code: '" + code + "'"));
    }
}
