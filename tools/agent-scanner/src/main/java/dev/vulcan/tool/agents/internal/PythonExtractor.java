package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.ProviderConfidence;
import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the syntax facts of Python files into agents, crews, tools, guardrails and providers for every supported
 * framework. Works on partial trees too: what parsed is scanned.
 */
public final class PythonExtractor {

    static final Set<String> GUARDRAIL_LIBRARIES = Set.of("guardrails", "nemoguardrails", "llm_guard",
            "presidio_analyzer", "presidio_anonymizer", "lakera_chainguard", "rebuff");
    static final Set<String> LANGCHAIN_AGENT_FACTORIES = Set.of("create_openai_tools_agent",
            "create_tool_calling_agent", "create_react_agent", "create_openai_functions_agent",
            "create_structured_chat_agent", "create_json_chat_agent", "create_xml_agent", "create_sql_agent",
            "create_pandas_dataframe_agent", "initialize_agent");

    /** AutoGen termination conditions that bound a conversation (messages, tokens or time). */
    static final java.util.regex.Pattern BOUNDED_TERMINATION = java.util.regex.Pattern.compile(
            "\\b(MaxMessageTermination|TokenUsageTermination|TimeoutTermination)\\b");

    final ScanModel model;
    final ToolRegistry registry;
    final CrewConfigs configs;
    final ModuleIndex modules;
    private final boolean localAgentsPackage;
    /** OpenAI Agents SDK agents by variable name, across files, for handoffs. */
    final Map<String, ScanModel.Agent> sdkAgentsByVar = new HashMap<>();
    final List<Runnable> deferred = new ArrayList<>();
    /** The agent each agent-constructing call made, across files (for names imported from another file). */
    final Map<PyNode, ScanModel.Agent> agentsByCall = new HashMap<>();
    /** The LangGraph graph each {@code builder.compile(...)} call compiled, across files. */
    final Map<PyNode, ScanModel.Crew> graphsByCompile = new HashMap<>();

    /** A CrewAI task. */
    record Task(String name, ScanModel.Agent agent, List<String> context, PyNode call) {
    }

    /**
     * Creates an extractor.
     *
     * @param model the model to fill
     * @param registry the repository's tool definitions
     * @param configs the YAML crew configs
     * @param modules the repository's modules, to follow names imported from another file
     * @param localAgentsPackage true when the repository has its own top-level {@code agents} package, so
     *     {@code from agents import ...} is not the OpenAI Agents SDK
     * @throws NullPointerException if an argument is null
     */
    public PythonExtractor(ScanModel model, ToolRegistry registry, CrewConfigs configs, ModuleIndex modules,
            boolean localAgentsPackage) {
        this.model = Objects.requireNonNull(model, "model");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.modules = Objects.requireNonNull(modules, "modules");
        this.localAgentsPackage = localAgentsPackage;
    }

    /**
     * Extracts one file.
     *
     * @param f the file
     */
    public void extract(PythonFile f) {
        for (Framework fw : f.frameworks) {
            if (fw != Framework.OPENAI_AGENTS || !localAgentsPackage) {
                model.framework(fw, "import", f.path, null);
            }
        }
        new FileScope(this, f).run();
    }

    /** Resolves cross-file links (handoffs, register_for_llm) once every file was extracted. */
    public void finish() {
        deferred.forEach(Runnable::run);
        for (ToolRegistry.Definition d : registry.definitions()) {
            if (d.source() == ToolSource.MCP) {
                toolFromDefinition(d);
            }
        }
        for (ToolRegistry.AgentToolLink link : registry.links()) {
            for (Map.Entry<ScanModel.Agent, String> e : agentVarNames.entrySet()) {
                ScanModel.Agent a = e.getKey();
                if (a.location.path().equals(link.path()) && e.getValue().equals(link.agentVar())) {
                    ScanModel.Tool t = toolFromDefinition(registry.find(link.toolName()));
                    if (t != null) {
                        a.toolIds.add(t.id);
                    }
                }
            }
        }
    }

    final Map<ScanModel.Agent, String> agentVarNames = new HashMap<>();

    Framework frameworkOf(String qualified) {
        if (qualified == null || !qualified.contains(".")) {
            return null;
        }
        Framework fw = Frameworks.ofModule(qualified);
        if (fw == Framework.OPENAI_AGENTS && localAgentsPackage) {
            return null;
        }
        return fw;
    }

    ScanModel.Tool toolFromDefinition(ToolRegistry.Definition d) {
        if (d == null) {
            return null;
        }
        ScanModel.Tool t = model.tool(d.name(), d.source(), d.location());
        apply(t, d.profile());
        if (d.mcpServerId() != null) {
            t.mcpServerId = d.mcpServerId();
        }
        return t;
    }

    static void apply(ScanModel.Tool t, Capabilities.Profile p) {
        t.capabilities.addAll(p.capabilities());
        t.readsFrom.addAll(p.readsFrom());
        t.writesTo.addAll(p.writesTo());
        t.calls.addAll(p.calls());
    }

    /**
     * Returns the tool named in YAML ({@code tools: [search_tool]}), creating it.
     *
     * @param name the name
     * @param location where it is named
     * @return the tool
     */
    public ScanModel.Tool toolByName(String name, ScanModel.Location location) {
        ToolRegistry.Definition d = registry.find(name);
        if (d != null) {
            return toolFromDefinition(d);
        }
        String cls = name;
        if (Capabilities.isBuiltin(cls)) {
            ScanModel.Tool t = model.tool(cls, ToolSource.BUILTIN, location);
            apply(t, Capabilities.builtin(cls));
            return t;
        }
        ScanModel.Tool t = model.tool(name, ToolSource.CUSTOM, location);
        apply(t, Capabilities.fromName(name));
        return t;
    }

    final Map<String, Set<String>> contextEdges = new HashMap<>();
    private final Map<String, Set<String>> handoffs = new LinkedHashMap<>();

    Set<String> handoffs(ScanModel.Agent a) {
        return handoffs.computeIfAbsent(a.id, k -> new LinkedHashSet<>());
    }

    /**
     * Returns the explicit delegation links found (handoffs, graph edges), source agent id to target agent ids.
     *
     * @return the links
     */
    public Map<String, Set<String>> delegations() {
        return handoffs;
    }

    /**
     * Returns the task-context links per crew, each as {@code source-agent-id + "\n" + target-agent-id}.
     *
     * @return the links by crew id
     */
    public Map<String, Set<String>> contextLinks() {
        return contextEdges;
    }

    /**
     * Turns YAML agent configs no CrewBase class used into stand-alone CrewAI agents, and their sibling task
     * configs into guardrails and a sequential crew when the folder has both.
     */
    public void yamlOnlyAgents() {
        for (String path : configs.unconsumedAgentFiles()) {
            Map<String, ScanModel.Agent> byName = new LinkedHashMap<>();
            for (CrewConfigs.Entry e : configs.agentsAt(path).values()) {
                ScanModel.Agent a = model.agent(Framework.CREWAI, path, e.name(), e.line());
                new YamlAgentScope(path).apply(a, e);
                byName.put(e.name(), a);
            }
            model.framework(Framework.CREWAI, "config", path, null);
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            for (String tp : configs.unconsumedTaskFiles()) {
                String tdir = tp.contains("/") ? tp.substring(0, tp.lastIndexOf('/') + 1) : "";
                if (!tdir.equals(dir)) {
                    continue;
                }
                for (CrewConfigs.Entry t : configs.tasksAt(tp).values()) {
                    ScanModel.Agent a = byName.get(t.node().path("agent").asString(""));
                    if (a != null) {
                        ScanModel.Location l = new ScanModel.Location(tp, t.line());
                        if (t.node().path("human_input").asBoolean(false)) {
                            model.guardrail(GuardrailKind.HUMAN_IN_THE_LOOP, "human_input: true", l).guards.add(a.id);
                        }
                    }
                }
            }
        }
    }

    /** Applies a YAML agent entry to a stand-alone agent. */
    private final class YamlAgentScope {
        private final String path;

        YamlAgentScope(String path) {
            this.path = path;
        }

        void apply(ScanModel.Agent a, CrewConfigs.Entry e) {
            JsonNode n = e.node();
            ScanModel.Location l = new ScanModel.Location(path, e.line());
            if (n.path("role").isString()) {
                a.role = n.path("role").asString().trim();
            }
            if (n.path("llm").isString()) {
                String m = n.path("llm").asString().trim();
                String p = Providers.ofModel(m);
                a.llm = new ScanModel.LlmRef(p, m);
                if (p != null) {
                    model.provider(p, ProviderConfidence.DETECTED, m, l);
                }
            }
            if (n.path("allow_delegation").asBoolean(false)) {
                a.allowDelegation = true;
            }
            for (JsonNode t : n.path("tools")) {
                if (t.isString()) {
                    a.toolIds.add(toolByName(t.asString(), l).id);
                }
            }
        }
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
