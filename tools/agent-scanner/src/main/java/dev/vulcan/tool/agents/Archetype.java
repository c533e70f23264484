package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rule-based architecture class of a repository's agent topology ({@code summary.archetype_class}); the
 * rules are documented in {@code tools/agent-scanner/RULES.md}. Telemetry v7 uses it as a validation label for
 * learned architecture clusters.
 */
public enum Archetype {
    /** No agents. */
    NONE("none"),
    /** Exactly one agent. */
    SINGLE_AGENT("single_agent"),
    /** Two or more agents, none linked to another agent. */
    INDEPENDENT_AGENTS("independent_agents"),
    /** Agents linked in a chain: each hands over to the next. */
    SEQUENTIAL_PIPELINE("sequential_pipeline"),
    /** A manager delegates (CrewAI hierarchical process) or the agent links form a tree that is not a chain or star. */
    HIERARCHICAL("hierarchical"),
    /** One agent (router, supervisor, triage) linked to every other agent, the others to it only. */
    HUB_SPOKE("hub_spoke"),
    /** Agents that can talk to each other along a cycle (group chats, swarms, cyclic graphs). */
    MESH("mesh"),
    /** Two or more crews that hold agents. */
    MULTI_CREW("multi_crew");

    private final String code;

    Archetype(String code) {
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
     * @throws NullPointerException if code is null
     */
    public static Archetype fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Archetype code: '" + code + "'"));
    }
}
