package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.ProviderConfidence;
import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable facts gathered while scanning one repository: agents, crews, tools, guardrails, providers,
 * frameworks, MCP servers and environment variable names. Filled by the extractors, read by the graph, rule
 * and output builders. Not thread-safe.
 */
public final class ScanModel {

    /** Evidence location: a repo-relative path and a 1-based line (0 when the whole file is meant). */
    public record Location(String path, int line) {
        /**
         * Creates a location.
         *
         * @throws IllegalArgumentException if the line is negative
         */
        public Location {
            Objects.requireNonNull(path, "path");
            if (line < 0) {
                throw new IllegalArgumentException("line must not be negative");
            }
        }
    }

    /**
     * The LLM an agent uses.
     *
     * @param provider the provider, or null when unknown
     * @param model the model name, or null when unknown or when the value does not look like a model name
     */
    public record LlmRef(String provider, String model) {
        /** Creates a reference, dropping a model value that does not look like a model name. */
        public LlmRef {
            model = Providers.plausibleModel(model) ? model : null;
        }
    }

    /** An agent being built. */
    public static final class Agent {
        final String id;
        final String name;
        final Framework framework;
        final Location location;
        String role;
        String crewId;
        final Set<String> toolIds = new LinkedHashSet<>();
        final Set<String> mcpServerIds = new LinkedHashSet<>();
        final List<String> handoffNames = new ArrayList<>();
        LlmRef llm;
        boolean allowDelegation;

        Agent(String id, String name, Framework framework, Location location) {
            this.id = id;
            this.name = name;
            this.framework = framework;
            this.location = location;
        }

        /**
         * Returns the agent id.
         *
         * @return the agent id
         */
        public String id() {
            return id;
        }

        /**
         * Returns the agent name.
         *
         * @return the agent name
         */
        public String name() {
            return name;
        }

        /**
         * Returns the crew id or null.
         *
         * @return the crew id or null
         */
        public String crewId() {
            return crewId;
        }

        /**
         * Returns the tool ids, in discovery order.
         *
         * @return the tool ids, in discovery order
         */
        public Set<String> toolIds() {
            return toolIds;
        }
    }

    /** A crew (or graph, or group chat) being built. */
    public static final class Crew {
        final String id;
        final String name;
        final Framework framework;
        final Location location;
        CrewProcess process;
        final List<String> agentIds = new ArrayList<>();
        /** Agent ids in the order their output flows (sequential task order), possibly with repeats. */
        final List<String> flow = new ArrayList<>();
        String managerAgentId;
        LlmRef managerLlm;

        Crew(String id, String name, Framework framework, Location location, CrewProcess process) {
            this.id = id;
            this.name = name;
            this.framework = framework;
            this.location = location;
            this.process = process;
        }

        /**
         * Returns the crew id.
         *
         * @return the crew id
         */
        public String id() {
            return id;
        }

        /**
         * Returns the member agent ids.
         *
         * @return the member agent ids
         */
        public List<String> agentIds() {
            return agentIds;
        }

        /**
         * Returns the process.
         *
         * @return the process
         */
        public CrewProcess process() {
            return process;
        }
    }

    /** A tool being built. */
    public static final class Tool {
        final String id;
        final String name;
        ToolSource source;
        final Location location;
        final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        final Set<String> readsFrom = new TreeSet<>();
        final Set<String> writesTo = new TreeSet<>();
        final Set<String> calls = new TreeSet<>();
        String mcpServerId;

        Tool(String id, String name, ToolSource source, Location location) {
            this.id = id;
            this.name = name;
            this.source = source;
            this.location = location;
        }

        /**
         * Returns the tool id.
         *
         * @return the tool id
         */
        public String id() {
            return id;
        }

        /**
         * Returns the capabilities.
         *
         * @return the capabilities
         */
        public Set<Capability> capabilities() {
            return capabilities;
        }
    }

    /** A guardrail being built. */
    public static final class Guardrail {
        final String id;
        final GuardrailKind kind;
        final String detail;
        final Location location;
        final Set<String> guards = new LinkedHashSet<>();
        /** For a guarded tool gated only where certain agents use it: the tool id to those agents' ids. */
        final Map<String, Set<String>> toolUsers = new LinkedHashMap<>();

        Guardrail(String id, GuardrailKind kind, String detail, Location location) {
            this.id = id;
            this.kind = kind;
            this.detail = detail;
            this.location = location;
        }

        /**
         * Returns the node ids guarded.
         *
         * @return the node ids guarded
         */
        public Set<String> guards() {
            return guards;
        }

        /**
         * Returns the kind.
         *
         * @return the kind
         */
        public GuardrailKind kind() {
            return kind;
        }

        /**
         * Guards a tool where one agent uses it (an agent's own {@code interrupt_before=["tools"]}): the tool is
         * listed in {@link #guards()}, but the rules treat only that agent's use of it as gated, since the tool
         * node is shared with every other agent of the repository using a tool of that name.
         *
         * @param toolId the tool id
         * @param agentId the id of the agent whose use is gated
         */
        public void guardToolFor(String toolId, String agentId) {
            Objects.requireNonNull(toolId, "toolId");
            Objects.requireNonNull(agentId, "agentId");
            if (guards.contains(toolId) && !toolUsers.containsKey(toolId)) {
                return; // already gated for every use
            }
            guards.add(toolId);
            toolUsers.computeIfAbsent(toolId, k -> new LinkedHashSet<>()).add(agentId);
        }

        /**
         * Tells whether this guardrail covers a node for a set of agents: the node is guarded, and, when it is a
         * tool gated only for some agents' use, one of those agents is among the given ones.
         *
         * @param nodeId the guarded node id
         * @param agentIds the agents concerned
         * @return true when covered
         */
        public boolean covers(String nodeId, java.util.Collection<String> agentIds) {
            if (!guards.contains(nodeId)) {
                return false;
            }
            Set<String> only = toolUsers.get(nodeId);
            return only == null || only.stream().anyMatch(agentIds::contains);
        }
    }

    /** An LLM provider and its evidence. */
    public static final class Provider {
        final String name;
        ProviderConfidence confidence;
        final Set<String> models = new TreeSet<>();
        final List<Location> evidence = new ArrayList<>();

        Provider(String name, ProviderConfidence confidence) {
            this.name = name;
            this.confidence = confidence;
        }
    }

    /** A detected framework and its evidence. */
    public static final class FrameworkUse {
        final Framework framework;
        final Set<String> evidence = new TreeSet<>();
        final Set<String> files = new TreeSet<>();
        String version;

        FrameworkUse(Framework framework) {
            this.framework = framework;
        }
    }

    /** An MCP server. */
    public static final class McpServer {
        final String id;
        final String name;
        final Location location;
        String transport;
        String launcher;
        String packageName;
        Boolean pinned;
        final Set<String> envVarNames = new TreeSet<>();

        McpServer(String id, String name, Location location) {
            this.id = id;
            this.name = name;
            this.location = location;
        }
    }

    final Map<String, Agent> agents = new LinkedHashMap<>();
    final Map<String, Crew> crews = new LinkedHashMap<>();
    final Map<String, Tool> tools = new LinkedHashMap<>();
    final Map<String, Guardrail> guardrails = new LinkedHashMap<>();
    final Map<String, Provider> providers = new TreeMap<>();
    final Map<Framework, FrameworkUse> frameworks = new LinkedHashMap<>();
    final Map<String, McpServer> mcpServers = new LinkedHashMap<>();
    /** Environment variable name -> files naming it (names only, never values). */
    final Map<String, Set<String>> envVarNames = new TreeMap<>();

    /**
     * Returns the agent with a name defined at a path, creating it.
     *
     * @param framework its framework
     * @param path the defining file
     * @param name the agent name
     * @param line the defining line
     * @return the agent
     */
    public Agent agent(Framework framework, String path, String name, int line) {
        String id = "agent:" + path + "#" + name;
        return agents.computeIfAbsent(id, k -> new Agent(k, name, framework, new Location(path, line)));
    }

    /**
     * Returns an existing agent.
     *
     * @param id the agent id
     * @return the agent or null
     */
    public Agent agentById(String id) {
        return agents.get(id);
    }

    /**
     * Returns the crew with a name defined at a path, creating it.
     *
     * @param framework its framework
     * @param path the defining file
     * @param name the crew name
     * @param line the defining line
     * @param process its process
     * @return the crew
     */
    public Crew crew(Framework framework, String path, String name, int line, CrewProcess process) {
        String id = "crew:" + path + "#" + name;
        return crews.computeIfAbsent(id, k -> new Crew(k, name, framework, new Location(path, line), process));
    }

    /**
     * Adds an agent to a crew (idempotent) and records the crew on the agent.
     *
     * @param crew the crew
     * @param agent the agent
     */
    public void addMember(Crew crew, Agent agent) {
        if (!crew.agentIds.contains(agent.id)) {
            crew.agentIds.add(agent.id);
        }
        if (agent.crewId == null) {
            agent.crewId = crew.id;
        }
    }

    /**
     * Returns the tool with a name, creating it; tools are identified by name across the repository.
     *
     * @param name the tool name
     * @param source where it comes from
     * @param location where it was first seen
     * @return the tool
     */
    public Tool tool(String name, ToolSource source, Location location) {
        String id = "tool:" + name;
        Tool tool = tools.computeIfAbsent(id, k -> new Tool(k, name, source, location));
        if (tool.source == ToolSource.LIBRARY && source != ToolSource.LIBRARY) {
            tool.source = source;
        }
        return tool;
    }

    /**
     * Returns the guardrail of a kind at a location, creating it.
     *
     * @param kind the kind
     * @param detail what it is, such as {@code human_input=True}
     * @param location where it is declared
     * @return the guardrail
     */
    public Guardrail guardrail(GuardrailKind kind, String detail, Location location) {
        String id = "guardrail:" + location.path() + ":" + location.line() + ":" + kind.code();
        return guardrails.computeIfAbsent(id, k -> new Guardrail(k, kind, detail, location));
    }

    /**
     * Records evidence of an LLM provider, keeping the strongest confidence.
     *
     * @param name the provider name, lower case
     * @param confidence the confidence of this evidence
     * @param model the model name, or null
     * @param location where
     */
    public void provider(String name, ProviderConfidence confidence, String model, Location location) {
        Provider p = providers.computeIfAbsent(name, k -> new Provider(k, confidence));
        if (confidence.rank() > p.confidence.rank()) {
            p.confidence = confidence;
        }
        if (Providers.plausibleModel(model)) {
            p.models.add(model);
        }
        if (location != null && p.evidence.size() < 20 && !p.evidence.contains(location)) {
            p.evidence.add(location);
        }
    }

    /**
     * Records that a framework is used.
     *
     * @param framework the framework
     * @param evidence how it was seen: {@code import}, {@code dependency} or {@code config}
     * @param path the file
     * @param version the declared version, or null
     */
    public void framework(Framework framework, String evidence, String path, String version) {
        FrameworkUse use = frameworks.computeIfAbsent(framework, FrameworkUse::new);
        use.evidence.add(evidence);
        use.files.add(path);
        if (version != null && use.version == null) {
            use.version = version;
        }
    }

    /**
     * Returns the MCP server with a name, creating it.
     *
     * @param name the server name
     * @param location where it is declared
     * @return the server
     */
    public McpServer mcpServer(String name, Location location) {
        return mcpServers.computeIfAbsent("mcp_server:" + name, k -> new McpServer(k, name, location));
    }

    /**
     * Records an environment variable name (never its value).
     *
     * @param name the variable name
     * @param path the file naming it
     */
    public void envVar(String name, String path) {
        envVarNames.computeIfAbsent(name, k -> new TreeSet<>()).add(path);
    }

    /**
     * Returns the agents, in discovery order.
     *
     * @return the agents, in discovery order
     */
    public Map<String, Agent> agents() {
        return agents;
    }

    /**
     * Returns the crews, in discovery order.
     *
     * @return the crews, in discovery order
     */
    public Map<String, Crew> crews() {
        return crews;
    }

    /**
     * Returns the tools, in discovery order.
     *
     * @return the tools, in discovery order
     */
    public Map<String, Tool> tools() {
        return tools;
    }

    /**
     * Returns the guardrails, in discovery order.
     *
     * @return the guardrails, in discovery order
     */
    public Map<String, Guardrail> guardrails() {
        return guardrails;
    }
}
