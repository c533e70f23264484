package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * An agent framework the scanner recognizes; {@link #code()} is written in artifacts, {@link #displayName()} is the name used in reports and telemetry ({@code primary_framework}).
 */
public enum Framework {
    /** CrewAI (YAML agents, @CrewBase, Agent/Task/Crew). */
    CREWAI("crewai", "CrewAI"),
    /** LangGraph (StateGraph nodes and edges). */
    LANGGRAPH("langgraph", "LangGraph"),
    /** LangChain agents (AgentExecutor, create_*_agent, initialize_agent). */
    LANGCHAIN("langchain", "LangChain"),
    /** AutoGen / AG2 (AssistantAgent, UserProxyAgent, group chats). */
    AUTOGEN("autogen", "AutoGen"),
    /** The OpenAI Agents SDK (package {@code agents}: Agent, handoffs, function_tool). */
    OPENAI_AGENTS("openai_agents", "OpenAI Agents SDK"),
    /** Model Context Protocol servers (mcpServers configs, FastMCP). */
    MCP("mcp", "MCP");

    private final String code;
    private final String displayName;

    Framework(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
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
     * Returns the human-readable name.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static Framework fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Framework code: '" + code + "'"));
    }
}
