package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.ProviderConfidence;
import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final Set<String> GUARDRAIL_LIBRARIES = Set.of("guardrails", "nemoguardrails", "llm_guard",
            "presidio_analyzer", "presidio_anonymizer", "lakera_chainguard", "rebuff");
    private static final Set<String> LANGCHAIN_AGENT_FACTORIES = Set.of("create_openai_tools_agent",
            "create_tool_calling_agent", "create_react_agent", "create_openai_functions_agent",
            "create_structured_chat_agent", "create_json_chat_agent", "create_xml_agent", "create_sql_agent",
            "create_pandas_dataframe_agent", "initialize_agent");

    /** AutoGen termination conditions that bound a conversation (messages, tokens or time). */
    private static final java.util.regex.Pattern BOUNDED_TERMINATION = java.util.regex.Pattern.compile(
            "\\b(MaxMessageTermination|TokenUsageTermination|TimeoutTermination)\\b");

    private final ScanModel model;
    private final ToolRegistry registry;
    private final CrewConfigs configs;
    private final boolean localAgentsPackage;
    /** OpenAI Agents SDK agents by variable name, across files, for handoffs. */
    private final Map<String, ScanModel.Agent> sdkAgentsByVar = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();

    /** A CrewAI task. */
    private record Task(String name, ScanModel.Agent agent, List<String> context, PyNode call) {
    }

    /**
     * Creates an extractor.
     *
     * @param model the model to fill
     * @param registry the repository's tool definitions
     * @param configs the YAML crew configs
     * @param localAgentsPackage true when the repository has its own top-level {@code agents} package, so
     *     {@code from agents import ...} is not the OpenAI Agents SDK
     */
    public PythonExtractor(ScanModel model, ToolRegistry registry, CrewConfigs configs, boolean localAgentsPackage) {
        this.model = Objects.requireNonNull(model, "model");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.configs = Objects.requireNonNull(configs, "configs");
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
        new FileScope(f).run();
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

    private final Map<ScanModel.Agent, String> agentVarNames = new HashMap<>();

    private Framework frameworkOf(String qualified) {
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

    private static void apply(ScanModel.Tool t, Capabilities.Profile p) {
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

    /** The extraction of one file. */
    private final class FileScope {
        private final PythonFile f;
        private final Map<String, ScanModel.Agent> agentVars = new LinkedHashMap<>();
        private final Map<String, Task> taskVars = new LinkedHashMap<>();
        private final Set<PyNode> handled = new HashSet<>();
        private final List<ScanModel.Agent> fileAgents = new ArrayList<>();
        private final List<PyNode> registrations = new ArrayList<>();

        FileScope(PythonFile f) {
            this.f = f;
        }

        void run() {
            providers();
            for (PyNode cls : f.classes) {
                if (f.decorators(cls).stream().anyMatch(d -> PythonFile.last(d).equals("CrewBase"))) {
                    crewBase(cls);
                }
            }
            graphs();
            for (PyNode call : f.calls) {
                if (!handled.contains(call)) {
                    agentCall(call);
                }
            }
            for (PyNode call : registrations) {
                ScanModel.Agent caller = agentRef(PythonFile.kwarg(call, "caller"));
                PyNode fn = PythonFile.arg(call, "f", 0);
                if (caller != null && fn != null) {
                    String name = f.string(PythonFile.kwarg(call, "name"));
                    ScanModel.Tool t = tool(fn);
                    if (t != null && name == null) {
                        caller.toolIds.add(t.id);
                    } else if (name != null) {
                        PyNode def = f.functions.get(PythonFile.last(fn.text()));
                        ScanModel.Tool named = model.tool(name, ToolSource.CUSTOM, loc(call));
                        apply(named, def != null ? ToolRegistry.profile(f, def, name) : Capabilities.fromName(name));
                        caller.toolIds.add(named.id);
                    }
                }
            }
            for (PyNode call : f.calls) {
                if (!handled.contains(call)) {
                    taskCall(call);
                }
            }
            for (PyNode call : f.calls) {
                if (!handled.contains(call)) {
                    groupCall(call);
                }
            }
            guardrailLibraries();
        }

        private ScanModel.Location loc(PyNode n) {
            return new ScanModel.Location(f.path, n.line());
        }

        private String q(PyNode call) {
            return f.callee(call);
        }

        private boolean isFw(String q, Framework fw) {
            return fw == frameworkOf(q);
        }

        // ---------------------------------------------------------------- providers

        private void providers() {
            for (PyNode call : f.calls) {
                String q = q(call);
                if (q == null) {
                    continue;
                }
                String last = PythonFile.last(q);
                String p = q.contains(".") ? Providers.ofClass(last) : null;
                if (p != null) {
                    String model = modelString(call);
                    model(p, model, call);
                } else if (last.equals("LLM") && isFw(q, Framework.CREWAI)) {
                    String m = modelString(call);
                    String prov = Providers.ofModel(m);
                    if (prov != null) {
                        model(prov, m, call);
                    }
                } else if ((q.equals("os.getenv") || q.equals("os.environ.get") || q.equals("getenv"))) {
                    String name = f.string(PythonFile.positional(call, 0));
                    envName(name);
                }
                for (String kw : List.of("model", "model_name", "llm")) {
                    String m = f.string(PythonFile.kwarg(call, kw));
                    String prov = Providers.ofModel(m);
                    if (prov != null) {
                        model(prov, m, call);
                    }
                }
            }
            f.root.walk(n -> {
                if (n.is("pair")) {
                    PyNode k = n.child("key");
                    if (k != null && "model".equals(k.stringValue())) {
                        String m = f.string(n.child("value"));
                        String prov = Providers.ofModel(m);
                        if (prov != null) {
                            model(prov, m, n);
                        }
                    }
                } else if (n.is("subscript")) {
                    PyNode v = n.child("value");
                    PyNode s = n.child("subscript");
                    if (v != null && s != null && f.qualify(v.text()).equals("os.environ")) {
                        envName(s.stringValue());
                    }
                }
            });
        }

        private void model(String provider, String modelName, PyNode at) {
            PythonExtractor.this.model.provider(provider, ProviderConfidence.DETECTED, modelName, loc(at));
        }

        private void envName(String name) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return;
            }
            model.envVar(name, f.path);
        }

        private String modelString(PyNode call) {
            for (String kw : List.of("model", "model_name", "deployment_name", "azure_deployment")) {
                String m = f.string(PythonFile.kwarg(call, kw));
                if (m != null) {
                    return m;
                }
            }
            return f.string(PythonFile.positional(call, 0));
        }

        private ScanModel.LlmRef llm(PyNode expr) {
            if (expr == null) {
                return null;
            }
            PyNode v = f.resolve(expr);
            String s = v.stringValue();
            if (s != null) {
                String p = Providers.ofModel(s);
                return new ScanModel.LlmRef(p, s);
            }
            if (v.is("call")) {
                String q = q(v);
                if (q == null) {
                    return null;
                }
                String last = PythonFile.last(q);
                String m = modelString(v);
                String p = Providers.ofClass(last);
                if (p == null) {
                    p = Providers.ofModel(m);
                }
                return p == null && m == null ? null : new ScanModel.LlmRef(p, m);
            }
            if (v.is("dictionary")) {
                String[] found = new String[1];
                v.walk(n -> {
                    if (found[0] == null && n.is("pair") && n.child("key") != null
                            && "model".equals(n.child("key").stringValue())) {
                        found[0] = f.string(n.child("value"));
                    }
                });
                return found[0] == null ? null : new ScanModel.LlmRef(Providers.ofModel(found[0]), found[0]);
            }
            return null;
        }

        // ---------------------------------------------------------------- tools

        List<ScanModel.Tool> tools(PyNode expr) {
            List<ScanModel.Tool> out = new ArrayList<>();
            for (PyNode e : f.elements(expr)) {
                ScanModel.Tool t = tool(e);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }

        private ScanModel.Tool tool(PyNode e) {
            PyNode v = f.resolve(e);
            if (v.is("call")) {
                String q = q(v);
                if (q == null) {
                    return null;
                }
                String last = PythonFile.last(q);
                if (last.equals("from_function") || last.equals("Tool") || last.equals("StructuredTool")
                        || last.equals("FunctionTool")) {
                    PyNode func = PythonFile.arg(v, "func", 0);
                    String name = f.string(PythonFile.kwarg(v, "name"));
                    String fnName = func == null ? null : PythonFile.last(func.text());
                    String toolName = name != null ? name : fnName;
                    if (toolName == null) {
                        return null;
                    }
                    ToolRegistry.Definition d = fnName == null ? null : registry.find(fnName);
                    ScanModel.Tool t = model.tool(toolName, ToolSource.CUSTOM, loc(v));
                    PyNode def = fnName == null ? null : f.functions.get(fnName);
                    apply(t, d != null ? d.profile() : def != null ? ToolRegistry.profile(f, def, toolName)
                            : Capabilities.fromName(toolName));
                    return t;
                }
                if (last.equals("handoff") || last.equals("ToolNode")) {
                    return null;
                }
                return named(last, q.contains("."), v);
            }
            if (v.is("identifier") || v.is("attribute")) {
                String name = PythonFile.last(v.text());
                return named(name, !f.qualify(v.text()).equals(v.text()), v);
            }
            String s = v.stringValue();
            if (s != null && !s.isBlank()) {
                return toolByName(s, loc(v));
            }
            return null;
        }

        private ScanModel.Tool named(String name, boolean imported, PyNode at) {
            ToolRegistry.Definition d = registry.find(name);
            if (d != null) {
                return toolFromDefinition(d);
            }
            if (Capabilities.isBuiltin(name)) {
                ScanModel.Tool t = model.tool(name, ToolSource.BUILTIN, loc(at));
                apply(t, Capabilities.builtin(name));
                return t;
            }
            PyNode def = f.functions.get(name);
            if (def != null) {
                ScanModel.Tool t = model.tool(name, ToolSource.CUSTOM, loc(def));
                apply(t, ToolRegistry.profile(f, def, name));
                return t;
            }
            ScanModel.Tool t = model.tool(name, imported ? ToolSource.LIBRARY : ToolSource.CUSTOM, loc(at));
            apply(t, Capabilities.fromName(name));
            return t;
        }

        // ---------------------------------------------------------------- CrewAI @CrewBase

        private void crewBase(PyNode cls) {
            String className = PythonFile.nameOf(cls);
            PyNode body = cls.child("body");
            if (body == null) {
                return;
            }
            String agentsDecl = "config/agents.yaml";
            String tasksDecl = "config/tasks.yaml";
            List<PyNode> agentMethods = new ArrayList<>();
            List<PyNode> taskMethods = new ArrayList<>();
            PyNode crewMethod = null;
            for (PyNode stmt : body.children()) {
                if (stmt.is("expression_statement") && !stmt.children().isEmpty()
                        && stmt.children().get(0).is("assignment")) {
                    PyNode a = stmt.children().get(0);
                    PyNode left = a.child("left");
                    String v = f.string(a.child("right"));
                    if (left != null && v != null && left.text().equals("agents_config")) {
                        agentsDecl = v;
                    } else if (left != null && v != null && left.text().equals("tasks_config")) {
                        tasksDecl = v;
                    }
                }
                if (stmt.is("decorated_definition")) {
                    PyNode def = stmt.child("definition");
                    if (def == null || !def.is("function_definition")) {
                        continue;
                    }
                    for (String d : f.decorators(def)) {
                        switch (PythonFile.last(d)) {
                            case "agent" -> agentMethods.add(def);
                            case "task" -> taskMethods.add(def);
                            case "crew" -> crewMethod = def;
                            default -> {
                            }
                        }
                    }
                }
            }
            List<String> agentNames = agentMethods.stream().map(PythonFile::nameOf).toList();
            List<String> taskNames = taskMethods.stream().map(PythonFile::nameOf).toList();
            String agentsYaml = configs.locate(agentsDecl, f.path, agentNames, false);
            String tasksYaml = configs.locate(tasksDecl, f.path, taskNames, true);
            if (agentsYaml != null) {
                configs.consume(agentsYaml);
            }
            if (tasksYaml != null) {
                configs.consume(tasksYaml);
            }
            PyNode crewCall = crewMethod == null ? null : firstCall(crewMethod, "Crew");
            CrewProcess process = process(crewCall);
            ScanModel.Crew crew = model.crew(Framework.CREWAI, f.path, className, cls.line(), process);
            model.framework(Framework.CREWAI, "import", f.path, null);
            Map<String, ScanModel.Agent> byMethod = new LinkedHashMap<>();
            for (PyNode m : agentMethods) {
                String name = PythonFile.nameOf(m);
                ScanModel.Agent a = model.agent(Framework.CREWAI, f.path, name, m.line());
                PyNode call = firstCall(m, "Agent");
                CrewConfigs.Entry yaml = agentsYaml == null ? null : configs.agentsAt(agentsYaml).get(configKey(call, name));
                if (yaml != null) {
                    yamlAgent(a, yaml, agentsYaml);
                }
                if (call != null) {
                    handled.add(call);
                    crewAgentKwargs(a, call);
                }
                byMethod.put(name, a);
                agentVars.put(name, a);
                fileAgents.add(a);
                model.addMember(crew, a);
            }
            List<Task> tasks = new ArrayList<>();
            for (PyNode m : taskMethods) {
                String name = PythonFile.nameOf(m);
                PyNode call = firstCall(m, "Task");
                if (call != null) {
                    handled.add(call);
                }
                CrewConfigs.Entry yaml = tasksYaml == null ? null : configs.tasksAt(tasksYaml).get(configKey(call, name));
                ScanModel.Agent agent = null;
                PyNode agentArg = call == null ? null : PythonFile.kwarg(call, "agent");
                if (agentArg != null) {
                    agent = agentRef(agentArg);
                }
                if (agent == null && yaml != null && yaml.node().path("agent").isString()) {
                    agent = byMethod.get(yaml.node().path("agent").asString());
                }
                List<String> context = new ArrayList<>();
                if (yaml != null && yaml.node().path("context").isArray()) {
                    yaml.node().path("context").forEach(c -> context.add(c.asString()));
                }
                Task task = new Task(name, agent, context, call);
                tasks.add(task);
                taskVars.put(name, task);
                if (yaml != null && agent != null) {
                    yamlTaskGuards(yaml, agent, tasksYaml);
                }
                if (call != null && agent != null) {
                    taskKwargs(call, agent);
                }
            }
            if (crewCall != null) {
                handled.add(crewCall);
                crewKwargs(crew, crewCall);
            }
            flow(crew, tasks);
        }

        private String configKey(PyNode call, String fallback) {
            if (call != null) {
                PyNode cfg = PythonFile.kwarg(call, "config");
                if (cfg != null && cfg.is("subscript")) {
                    String key = cfg.child("subscript") == null ? null : cfg.child("subscript").stringValue();
                    if (key != null) {
                        return key;
                    }
                }
            }
            return fallback;
        }

        private PyNode firstCall(PyNode within, String last) {
            PyNode[] found = new PyNode[1];
            within.walk(n -> {
                if (found[0] == null && n.is("call")) {
                    String q = q(n);
                    if (q != null && PythonFile.last(q).equals(last)) {
                        found[0] = n;
                    }
                }
            });
            return found[0];
        }

        private void yamlAgent(ScanModel.Agent a, CrewConfigs.Entry yaml, String yamlPath) {
            JsonNode n = yaml.node();
            if (n.path("role").isString()) {
                a.role = n.path("role").asString().trim();
            }
            if (n.path("llm").isString()) {
                String m = n.path("llm").asString().trim();
                String p = Providers.ofModel(m);
                a.llm = new ScanModel.LlmRef(p, m);
                if (p != null) {
                    model.provider(p, ProviderConfidence.DETECTED, m, new ScanModel.Location(yamlPath, yaml.line()));
                }
            }
            if (n.path("allow_delegation").asBoolean(false)) {
                a.allowDelegation = true;
            }
            if (n.path("tools").isArray()) {
                for (JsonNode t : n.path("tools")) {
                    if (t.isString()) {
                        a.toolIds.add(toolByName(t.asString(), new ScanModel.Location(yamlPath, yaml.line())).id);
                    }
                }
            }
            if (n.path("max_rpm").isNumber()) {
                guard(GuardrailKind.RATE_LIMIT, "max_rpm", new ScanModel.Location(yamlPath, yaml.line()), a.id);
            }
            if (n.path("max_iter").isNumber()) {
                guard(GuardrailKind.RECURSION_LIMIT, "max_iter", new ScanModel.Location(yamlPath, yaml.line()), a.id);
            }
        }

        private void yamlTaskGuards(CrewConfigs.Entry yaml, ScanModel.Agent agent, String yamlPath) {
            ScanModel.Location l = new ScanModel.Location(yamlPath, yaml.line());
            if (yaml.node().path("human_input").asBoolean(false)) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, "human_input: true", l, agent.id);
            }
            if (yaml.node().has("output_pydantic") || yaml.node().has("output_json") || yaml.node().has("guardrail")) {
                guard(GuardrailKind.OUTPUT_VALIDATION, "task output validation", l, agent.id);
            }
        }

        // ---------------------------------------------------------------- agents

        private void agentCall(PyNode call) {
            String q = q(call);
            if (q == null) {
                return;
            }
            Framework fw = frameworkOf(q);
            String last = PythonFile.last(q);
            if (fw == null) {
                return;
            }
            switch (fw) {
                case CREWAI -> {
                    if (last.equals("Agent")) {
                        String var = PythonFile.assignedName(call);
                        String role = f.string(PythonFile.kwarg(call, "role"));
                        String name = var != null ? var : role != null ? role : "agent_" + call.line();
                        ScanModel.Agent a = newAgent(Framework.CREWAI, name, call, var);
                        a.role = role;
                        crewAgentKwargs(a, call);
                    }
                }
                case OPENAI_AGENTS -> {
                    if (last.equals("Agent")) {
                        String var = PythonFile.assignedName(call);
                        String declared = f.string(PythonFile.kwarg(call, "name"));
                        String name = declared != null ? declared : var != null ? var : "agent_" + call.line();
                        ScanModel.Agent a = newAgent(Framework.OPENAI_AGENTS, name, call, var);
                        if (var != null) {
                            sdkAgentsByVar.put(var, a);
                        }
                        sdkAgent(a, call);
                    } else if (last.startsWith("MCPServer")) {
                        String name = f.string(PythonFile.kwarg(call, "name"));
                        String var = PythonFile.assignedName(call);
                        ScanModel.McpServer s = model.mcpServer(name != null ? name : var != null ? var
                                : "mcp_" + call.line(), loc(call));
                        s.transport = last.equals("MCPServerStdio") ? "stdio" : "http";
                        mcpParams(s, PythonFile.kwarg(call, "params"));
                        model.framework(Framework.MCP, "import", f.path, null);
                    }
                }
                case AUTOGEN -> {
                    if (last.equals("register_function")) {
                        registrations.add(call);
                    } else if (last.equals("AssistantAgent") || last.equals("UserProxyAgent") || last.equals("ConversableAgent")
                            || last.equals("CodeExecutorAgent") || last.equals("RetrieveUserProxyAgent")
                            || last.equals("RetrieveAssistantAgent")) {
                        String var = PythonFile.assignedName(call);
                        String declared = f.string(PythonFile.arg(call, "name", 0));
                        String name = declared != null ? declared : var != null ? var : "agent_" + call.line();
                        ScanModel.Agent a = newAgent(Framework.AUTOGEN, name, call, var);
                        autogenAgent(a, call, last);
                    }
                }
                case LANGGRAPH -> {
                    if (last.equals("create_react_agent") || last.equals("create_supervisor")
                            || last.equals("create_swarm")) {
                        String var = PythonFile.assignedName(call);
                        String declared = f.string(PythonFile.kwarg(call, "name"));
                        String name = declared != null ? declared : var != null ? var : "agent_" + call.line();
                        ScanModel.Agent a = newAgent(Framework.LANGGRAPH, name, call, var);
                        langchainAgent(a, call, 0, 1);
                    }
                }
                case LANGCHAIN -> {
                    if (LANGCHAIN_AGENT_FACTORIES.contains(last)) {
                        String var = PythonFile.assignedName(call);
                        String name = var != null ? var : "agent_" + call.line();
                        ScanModel.Agent a = newAgent(Framework.LANGCHAIN, name, call, var);
                        if (last.equals("initialize_agent")) {
                            langchainAgent(a, call, 1, 0);
                        } else {
                            langchainAgent(a, call, 0, 1);
                        }
                        if (last.equals("create_sql_agent")) {
                            PyNode tk = PythonFile.kwarg(call, "toolkit");
                            if (tk != null) {
                                a.toolIds.addAll(tools(tk).stream().map(t -> t.id).toList());
                            } else {
                                a.toolIds.add(toolByName("SQLDatabaseToolkit", loc(call)).id);
                            }
                        }
                        executorKwargs(a, call);
                    } else if (last.equals("AgentExecutor")) {
                        PyNode agentArg = PythonFile.kwarg(call, "agent");
                        ScanModel.Agent a = agentArg == null ? null : agentVars.get(agentArg.text());
                        if (a == null) {
                            String var = PythonFile.assignedName(call);
                            a = newAgent(Framework.LANGCHAIN, var != null ? var : "agent_executor_" + call.line(),
                                    call, var);
                        } else {
                            String var = PythonFile.assignedName(call);
                            if (var != null) {
                                agentVars.put(var, a);
                            }
                        }
                        a.toolIds.addAll(tools(PythonFile.kwarg(call, "tools")).stream().map(t -> t.id).toList());
                        executorKwargs(a, call);
                    }
                }
                default -> {
                }
            }
        }

        /**
         * Names an unassigned crew, group or graph after its enclosing class, else its enclosing function, else
         * the prefix and line.
         */
        private String fallbackName(PyNode call, String prefix) {
            PyNode cls = PythonFile.enclosingClass(call);
            if (cls != null && !PythonFile.nameOf(cls).isEmpty()) {
                return PythonFile.nameOf(cls);
            }
            PyNode fn = PythonFile.enclosingFunction(call);
            if (fn != null && !PythonFile.nameOf(fn).isEmpty()) {
                return PythonFile.nameOf(fn);
            }
            return prefix + "_" + call.line();
        }

        private ScanModel.Agent newAgent(Framework fw, String name, PyNode call, String var) {
            handled.add(call);
            ScanModel.Agent a = model.agent(fw, f.path, name, call.line());
            if (var != null) {
                agentVars.put(var, a);
                agentVarNames.put(a, var);
            }
            fileAgents.add(a);
            return a;
        }

        private void crewAgentKwargs(ScanModel.Agent a, PyNode call) {
            String role = f.string(PythonFile.kwarg(call, "role"));
            if (role != null) {
                a.role = role;
            }
            PyNode toolsArg = PythonFile.kwarg(call, "tools");
            if (toolsArg != null) {
                tools(toolsArg).forEach(t -> a.toolIds.add(t.id));
            }
            ScanModel.LlmRef llm = llm(PythonFile.kwarg(call, "llm"));
            if (llm != null) {
                a.llm = llm;
            }
            PyNode deleg = PythonFile.kwarg(call, "allow_delegation");
            if (deleg != null && deleg.is("true")) {
                a.allowDelegation = true;
            }
            kwargGuard(call, "human_input", GuardrailKind.HUMAN_IN_THE_LOOP, a.id);
            kwargGuard(call, "max_rpm", GuardrailKind.RATE_LIMIT, a.id);
            kwargGuard(call, "max_iter", GuardrailKind.RECURSION_LIMIT, a.id);
            PyNode code = PythonFile.kwarg(call, "allow_code_execution");
            if (code != null && code.is("true")) {
                ScanModel.Tool t = model.tool("code_execution", ToolSource.BUILTIN, loc(call));
                t.capabilities.add(Capability.CODE_EXEC);
                a.toolIds.add(t.id);
            }
        }

        private void kwargGuard(PyNode call, String kw, GuardrailKind kind, String guarded) {
            if (kind == null) {
                return;
            }
            PyNode v = PythonFile.kwarg(call, kw);
            if (v == null || v.is("false") || v.is("none")) {
                return;
            }
            if (v.is("integer") && v.text().equals("0")) {
                return;
            }
            boolean literal = v.is("true") || v.is("integer") || v.is("identifier");
            guard(kind, literal ? kw + "=" + abbreviate(v.text()) : kw, loc(v), guarded);
        }

        private void sdkAgent(ScanModel.Agent a, PyNode call) {
            for (PyNode e : f.elements(PythonFile.kwarg(call, "tools"))) {
                PyNode v = f.resolve(e);
                String q = v.is("call") ? q(v) : null;
                if (q != null && PythonFile.last(q).equals("as_tool")) {
                    PyNode fn = v.child("function");
                    PyNode obj = fn == null ? null : fn.child("object");
                    if (obj != null) {
                        a.handoffNames.add(PythonFile.last(obj.text()));
                    }
                    continue;
                }
                ScanModel.Tool t = tool(e);
                if (t != null) {
                    a.toolIds.add(t.id);
                }
            }
            PyNode m = PythonFile.kwarg(call, "model");
            ScanModel.LlmRef llm = llm(m);
            if (llm != null) {
                a.llm = llm;
            }
            PyNode handoffs = PythonFile.kwarg(call, "handoffs");
            for (PyNode h : f.elements(handoffs)) {
                PyNode target = h;
                if (h.is("call") && q(h) != null && PythonFile.last(q(h)).equals("handoff")) {
                    target = PythonFile.arg(h, "agent", 0);
                }
                if (target != null) {
                    a.handoffNames.add(PythonFile.last(target.text()));
                }
            }
            for (PyNode s : f.elements(PythonFile.kwarg(call, "mcp_servers"))) {
                PyNode v = f.resolve(s);
                String name = v.is("call") ? f.string(PythonFile.kwarg(v, "name")) : null;
                String key = name != null ? name : PythonFile.last(s.text());
                a.mcpServerIds.add(model.mcpServer(key, loc(s)).id);
            }
            kwargGuard(call, "output_type", GuardrailKind.OUTPUT_VALIDATION, a.id);
            kwargGuard(call, "output_guardrails", GuardrailKind.OUTPUT_VALIDATION, a.id);
            kwargGuard(call, "input_guardrails", GuardrailKind.INPUT_VALIDATION, a.id);
            if (!a.handoffNames.isEmpty()) {
                deferred.add(() -> {
                    for (String h : a.handoffNames) {
                        ScanModel.Agent target = agentVars.get(h);
                        if (target == null) {
                            target = sdkAgentsByVar.get(h);
                        }
                        if (target != null) {
                            handoffs(a).add(target.id);
                        }
                    }
                });
            }
        }

        private void autogenAgent(ScanModel.Agent a, PyNode call, String last) {
            tools(PythonFile.kwarg(call, "tools")).forEach(t -> a.toolIds.add(t.id));
            ScanModel.LlmRef llm = llm(PythonFile.kwarg(call, "llm_config"));
            if (llm == null) {
                llm = llm(PythonFile.kwarg(call, "model_client"));
            }
            if (llm != null) {
                a.llm = llm;
            }
            PyNode mode = PythonFile.kwarg(call, "human_input_mode");
            boolean agentchat = q(call) != null && q(call).startsWith("autogen_agentchat.");
            if (last.equals("UserProxyAgent") && agentchat) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, "UserProxyAgent (console input)", loc(call), a.id);
            } else if (mode != null && "ALWAYS".equals(f.string(mode))) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, "human_input_mode=ALWAYS", loc(mode), a.id);
            } else if (mode == null && last.equals("UserProxyAgent")) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, "human_input_mode=ALWAYS (default)", loc(call), a.id);
            }
            kwargGuard(call, "max_consecutive_auto_reply", GuardrailKind.RECURSION_LIMIT, a.id);
            PyNode code = PythonFile.kwarg(call, "code_execution_config");
            if (code == null) {
                code = PythonFile.kwarg(call, "code_executor");
            }
            boolean exec = last.equals("CodeExecutorAgent")
                    || code != null && !code.is("false") && !code.is("none");
            if (exec) {
                ScanModel.Tool t = model.tool("code_execution", ToolSource.BUILTIN, loc(call));
                t.capabilities.add(Capability.CODE_EXEC);
                a.toolIds.add(t.id);
            }
        }

        private void langchainAgent(ScanModel.Agent a, PyNode call, int llmIndex, int toolsIndex) {
            ScanModel.LlmRef llm = llm(PythonFile.arg(call, "llm", llmIndex));
            if (llm == null) {
                llm = llm(PythonFile.kwarg(call, "model"));
            }
            if (llm != null) {
                a.llm = llm;
            }
            tools(PythonFile.arg(call, "tools", toolsIndex)).forEach(t -> a.toolIds.add(t.id));
            kwargGuard(call, "response_format", GuardrailKind.OUTPUT_VALIDATION, a.id);
            hitlList(call, "interrupt_before", a.id);
            hitlList(call, "interrupt_after", a.id);
        }

        private void hitlList(PyNode call, String kw, String guarded) {
            PyNode v = PythonFile.kwarg(call, kw);
            if (v != null && !v.is("none")) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, kw, loc(v), guarded);
            }
        }

        private void executorKwargs(ScanModel.Agent a, PyNode call) {
            kwargGuard(call, "max_iterations", GuardrailKind.RECURSION_LIMIT, a.id);
            kwargGuard(call, "max_execution_time", GuardrailKind.RECURSION_LIMIT, a.id);
            for (PyNode cb : f.elements(PythonFile.kwarg(call, "callbacks"))) {
                PyNode v = f.resolve(cb);
                String q = v.is("call") ? q(v) : v.text();
                if (q != null && PythonFile.last(q).contains("HumanApproval")) {
                    guard(GuardrailKind.HUMAN_IN_THE_LOOP, PythonFile.last(q), loc(cb), a.id);
                }
            }
        }

        private ScanModel.Agent agentRef(PyNode expr) {
            if (expr == null) {
                return null;
            }
            PyNode e = expr;
            if (e.is("call")) {
                e = e.child("function");
            }
            if (e == null) {
                return null;
            }
            String text = e.text();
            String key = text.startsWith("self.") ? text.substring(5) : text;
            return agentVars.get(key);
        }

        // ---------------------------------------------------------------- tasks and crews

        private void taskCall(PyNode call) {
            String q = q(call);
            if (q == null || !isFw(q, Framework.CREWAI) || !PythonFile.last(q).equals("Task")) {
                return;
            }
            handled.add(call);
            String var = PythonFile.assignedName(call);
            ScanModel.Agent agent = agentRef(PythonFile.kwarg(call, "agent"));
            List<String> context = new ArrayList<>();
            for (PyNode c : f.elements(PythonFile.kwarg(call, "context"))) {
                context.add(PythonFile.last(c.text()));
            }
            Task t = new Task(var != null ? var : "task_" + call.line(), agent, context, call);
            taskVars.put(t.name(), t);
            if (agent != null) {
                taskKwargs(call, agent);
            }
        }

        private void taskKwargs(PyNode call, ScanModel.Agent agent) {
            kwargGuard(call, "human_input", GuardrailKind.HUMAN_IN_THE_LOOP, agent.id);
            for (String kw : List.of("output_pydantic", "output_json", "guardrail", "guardrails")) {
                kwargGuard(call, kw, GuardrailKind.OUTPUT_VALIDATION, agent.id);
            }
            PyNode toolsArg = PythonFile.kwarg(call, "tools");
            if (toolsArg != null) {
                tools(toolsArg).forEach(t -> agent.toolIds.add(t.id));
            }
        }

        private CrewProcess process(PyNode crewCall) {
            if (crewCall == null) {
                return CrewProcess.SEQUENTIAL;
            }
            PyNode p = PythonFile.kwarg(crewCall, "process");
            return p != null && p.text().contains("hierarchical") ? CrewProcess.HIERARCHICAL : CrewProcess.SEQUENTIAL;
        }

        private void crewKwargs(ScanModel.Crew crew, PyNode call) {
            PyNode manager = PythonFile.kwarg(call, "manager_agent");
            if (manager != null) {
                ScanModel.Agent m = agentRef(manager);
                if (m != null) {
                    crew.managerAgentId = m.id;
                    model.addMember(crew, m);
                }
            }
            crew.managerLlm = llm(PythonFile.kwarg(call, "manager_llm"));
            if (PythonFile.kwarg(call, "max_rpm") != null) {
                for (String id : crew.agentIds) {
                    kwargGuard(call, "max_rpm", GuardrailKind.RATE_LIMIT, id);
                }
            }
        }

        private void flow(ScanModel.Crew crew, List<Task> tasks) {
            for (Task t : tasks) {
                if (t.agent() != null) {
                    crew.flow.add(t.agent().id);
                }
            }
            if (crew.flow.isEmpty() && crew.process == CrewProcess.SEQUENTIAL) {
                crew.flow.addAll(crew.agentIds);
            }
            Map<String, Task> byName = new HashMap<>();
            tasks.forEach(t -> byName.put(t.name(), t));
            for (Task t : tasks) {
                for (String c : t.context()) {
                    Task src = byName.get(c);
                    if (src != null && src.agent() != null && t.agent() != null) {
                        contextEdges.computeIfAbsent(crew.id, k -> new LinkedHashSet<>())
                                .add(src.agent().id + "\n" + t.agent().id);
                    }
                }
            }
        }

        private void groupCall(PyNode call) {
            String q = q(call);
            if (q == null) {
                return;
            }
            Framework fw = frameworkOf(q);
            String last = PythonFile.last(q);
            String var = PythonFile.assignedName(call);
            if (fw == Framework.CREWAI && last.equals("Crew")) {
                handled.add(call);
                ScanModel.Crew crew = model.crew(Framework.CREWAI, f.path, var != null ? var : fallbackName(call, "crew"),
                        call.line(), process(call));
                for (PyNode e : f.elements(PythonFile.kwarg(call, "agents"))) {
                    ScanModel.Agent a = agentRef(e);
                    if (a != null) {
                        model.addMember(crew, a);
                    }
                }
                List<Task> tasks = new ArrayList<>();
                for (PyNode e : f.elements(PythonFile.kwarg(call, "tasks"))) {
                    Task t = taskVars.get(PythonFile.last(e.text()));
                    if (t != null) {
                        tasks.add(t);
                        if (t.agent() != null) {
                            model.addMember(crew, t.agent());
                        }
                    }
                }
                crewKwargs(crew, call);
                flow(crew, tasks);
            } else if (fw == Framework.AUTOGEN && (last.equals("GroupChat") || last.equals("RoundRobinGroupChat")
                    || last.equals("SelectorGroupChat") || last.equals("Swarm"))) {
                handled.add(call);
                CrewProcess p = switch (last) {
                    case "RoundRobinGroupChat" -> CrewProcess.ROUND_ROBIN;
                    case "Swarm" -> CrewProcess.SWARM;
                    default -> CrewProcess.GROUP_CHAT;
                };
                ScanModel.Crew crew = model.crew(Framework.AUTOGEN, f.path, var != null ? var : fallbackName(call, "group"),
                        call.line(), p);
                PyNode members = last.equals("GroupChat") ? PythonFile.arg(call, "agents", 0)
                        : PythonFile.arg(call, "participants", 0);
                for (PyNode e : f.elements(members)) {
                    ScanModel.Agent a = agentRef(e);
                    if (a != null) {
                        model.addMember(crew, a);
                    }
                }
                for (String kw : List.of("max_round", "max_turns")) {
                    for (String id : crew.agentIds) {
                        kwargGuard(call, kw, GuardrailKind.RECURSION_LIMIT, id);
                    }
                }
                PyNode termination = PythonFile.kwarg(call, "termination_condition");
                if (termination != null && BOUNDED_TERMINATION.matcher(f.resolve(termination).text()).find()) {
                    for (String id : crew.agentIds) {
                        guard(GuardrailKind.RECURSION_LIMIT, "termination_condition", loc(termination), id);
                    }
                }
                spreadHumanGate(crew);
                if (var != null) {
                    groupVars.put(var, crew);
                }
            } else if (fw == Framework.AUTOGEN && last.equals("GroupChatManager")) {
                handled.add(call);
                PyNode gc = PythonFile.arg(call, "groupchat", 0);
                ScanModel.Crew crew = gc == null ? null : groupVars.get(gc.text());
                String declared = f.string(PythonFile.kwarg(call, "name"));
                ScanModel.Agent m = newAgent(Framework.AUTOGEN, declared != null ? declared
                        : var != null ? var : "manager_" + call.line(), call, var);
                ScanModel.LlmRef llm = llm(PythonFile.kwarg(call, "llm_config"));
                if (llm != null) {
                    m.llm = llm;
                }
                if (crew != null) {
                    crew.managerAgentId = m.id;
                    model.addMember(crew, m);
                }
            }
        }

        private final Map<String, ScanModel.Crew> groupVars = new HashMap<>();

        private void spreadHumanGate(ScanModel.Crew crew) {
            for (ScanModel.Guardrail g : new ArrayList<>(model.guardrails.values())) {
                if (g.kind == GuardrailKind.HUMAN_IN_THE_LOOP && g.guards.stream().anyMatch(crew.agentIds::contains)) {
                    g.guards.addAll(crew.agentIds);
                }
            }
        }

        // ---------------------------------------------------------------- LangGraph

        private void graphs() {
            Map<String, ScanModel.Crew> graphVars = new LinkedHashMap<>();
            for (PyNode call : f.calls) {
                String q = q(call);
                if (q == null || !isFw(q, Framework.LANGGRAPH)) {
                    continue;
                }
                String last = PythonFile.last(q);
                if (last.equals("StateGraph") || last.equals("MessageGraph")) {
                    handled.add(call);
                    String var = PythonFile.assignedName(call);
                    ScanModel.Crew crew = model.crew(Framework.LANGGRAPH, f.path, var != null ? var : fallbackName(call, "graph"),
                            call.line(), CrewProcess.GRAPH);
                    graphVars.put(var != null ? var : "", crew);
                }
            }
            if (graphVars.isEmpty()) {
                return;
            }
            for (Map.Entry<String, ScanModel.Crew> g : graphVars.entrySet()) {
                graph(g.getKey(), g.getValue());
            }
        }

        private void graph(String var, ScanModel.Crew crew) {
            Map<String, ScanModel.Agent> nodes = new LinkedHashMap<>();
            Map<String, List<ScanModel.Tool>> toolNodes = new LinkedHashMap<>();
            List<String[]> edges = new ArrayList<>();
            List<PyNode> compiles = new ArrayList<>();
            for (PyNode call : f.calls) {
                PyNode fn = call.child("function");
                if (fn == null || !fn.is("attribute")) {
                    continue;
                }
                PyNode obj = fn.child("object");
                PyNode attr = fn.child("attribute");
                if (obj == null || attr == null || !obj.text().equals(var)) {
                    continue;
                }
                switch (attr.text()) {
                    case "add_node" -> {
                        handled.add(call);
                        PyNode first = PythonFile.positional(call, 0);
                        PyNode second = PythonFile.positional(call, 1);
                        String name = f.string(first);
                        PyNode action = second;
                        if (name == null && first != null) {
                            name = PythonFile.last(first.text());
                            action = first;
                        }
                        if (name == null) {
                            continue;
                        }
                        PyNode value = action == null ? null : f.resolve(action);
                        if (value != null && value.is("call") && q(value) != null
                                && PythonFile.last(q(value)).equals("ToolNode")) {
                            handled.add(value);
                            toolNodes.put(name, tools(PythonFile.arg(value, "tools", 0)));
                            continue;
                        }
                        ScanModel.Agent a = model.agent(Framework.LANGGRAPH, f.path, name, call.line());
                        fileAgents.add(a);
                        model.addMember(crew, a);
                        nodes.put(name, a);
                        if (value != null && value.is("call") && q(value) != null) {
                            handled.add(value);
                            langchainAgent(a, value, 0, 1);
                        } else if (action != null) {
                            PyNode def = f.functions.get(PythonFile.last(action.text()));
                            if (def != null) {
                                nodeFunction(a, def);
                            }
                        }
                    }
                    case "add_edge" -> {
                        handled.add(call);
                        String from = f.string(PythonFile.positional(call, 0));
                        String to = f.string(PythonFile.positional(call, 1));
                        if (from != null && to != null) {
                            edges.add(new String[] {from, to});
                        }
                    }
                    case "add_conditional_edges" -> {
                        handled.add(call);
                        String from = f.string(PythonFile.positional(call, 0));
                        PyNode router = PythonFile.positional(call, 1);
                        PyNode mapping = PythonFile.arg(call, "path_map", 2);
                        List<String> targets = new ArrayList<>();
                        if (mapping != null) {
                            PyNode m = f.resolve(mapping);
                            m.walk(n -> {
                                if (n.is("pair")) {
                                    String t = f.string(n.child("value"));
                                    if (t != null) {
                                        targets.add(t);
                                    }
                                } else if (n.is("string") && (m.is("list") || m.is("tuple")) && n.parent() == m) {
                                    targets.add(n.stringValue());
                                }
                            });
                        } else if (router != null) {
                            String rn = PythonFile.last(router.text());
                            if (rn.equals("tools_condition")) {
                                targets.add("tools");
                            } else {
                                PyNode def = f.functions.get(rn);
                                if (def != null) {
                                    def.walk(n -> {
                                        if (n.is("return_statement") && !n.children().isEmpty()) {
                                            String t = n.children().get(0).stringValue();
                                            if (t != null) {
                                                targets.add(t);
                                            }
                                        }
                                    });
                                }
                            }
                        }
                        if (from != null) {
                            targets.forEach(t -> edges.add(new String[] {from, t}));
                        }
                    }
                    case "compile" -> {
                        handled.add(call);
                        compiles.add(call);
                    }
                    default -> {
                    }
                }
            }
            for (Map.Entry<String, List<ScanModel.Tool>> tn : toolNodes.entrySet()) {
                List<ScanModel.Agent> users = new ArrayList<>();
                for (String[] e : edges) {
                    if (e[1].equals(tn.getKey()) && nodes.containsKey(e[0])) {
                        users.add(nodes.get(e[0]));
                    }
                }
                if (users.isEmpty()) {
                    users.addAll(nodes.values());
                }
                for (ScanModel.Agent a : users) {
                    tn.getValue().forEach(t -> a.toolIds.add(t.id));
                }
            }
            for (String[] e : edges) {
                ScanModel.Agent from = nodes.get(e[0]);
                ScanModel.Agent to = nodes.get(e[1]);
                if (from != null && to != null && from != to) {
                    handoffs(from).add(to.id);
                }
            }
            for (PyNode c : compiles) {
                for (String kw : List.of("interrupt_before", "interrupt_after")) {
                    PyNode v = PythonFile.kwarg(c, kw);
                    if (v == null) {
                        continue;
                    }
                    ScanModel.Guardrail g = model.guardrail(GuardrailKind.HUMAN_IN_THE_LOOP, kw, loc(v));
                    for (PyNode e : f.elements(v)) {
                        String n = f.string(e);
                        if (n == null) {
                            continue;
                        }
                        if (nodes.containsKey(n)) {
                            g.guards.add(nodes.get(n).id);
                        } else if (toolNodes.containsKey(n)) {
                            toolNodes.get(n).forEach(t -> g.guards.add(t.id));
                        }
                    }
                }
            }
        }

        private void nodeFunction(ScanModel.Agent a, PyNode def) {
            def.walk(n -> {
                if (!n.is("call")) {
                    return;
                }
                String q = q(n);
                if (q == null) {
                    return;
                }
                String last = PythonFile.last(q);
                if (last.equals("bind_tools")) {
                    tools(PythonFile.positional(n, 0)).forEach(t -> a.toolIds.add(t.id));
                    PyNode fn = n.child("function");
                    PyNode obj = fn == null ? null : fn.child("object");
                    ScanModel.LlmRef llm = obj == null ? null : llm(obj);
                    if (llm != null) {
                        a.llm = llm;
                    }
                } else if (last.equals("interrupt") && isFw(q, Framework.LANGGRAPH)) {
                    guard(GuardrailKind.HUMAN_IN_THE_LOOP, "interrupt()", loc(n), a.id);
                } else if (a.llm == null && Providers.ofClass(last) != null && q.contains(".")) {
                    a.llm = llm(n);
                }
            });
        }

        private void guardrailLibraries() {
            for (String m : f.importedModules) {
                String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
                if (GUARDRAIL_LIBRARIES.contains(top)) {
                    ScanModel.Guardrail g = model.guardrail(GuardrailKind.GUARDRAIL_LIBRARY, top,
                            new ScanModel.Location(f.path, 0));
                    fileAgents.forEach(a -> g.guards.add(a.id));
                }
            }
        }

        private void guard(GuardrailKind kind, String detail, ScanModel.Location at, String guarded) {
            model.guardrail(kind, detail, at).guards.add(guarded);
        }

        private void mcpParams(ScanModel.McpServer s, PyNode params) {
            if (params == null) {
                return;
            }
            PyNode v = f.resolve(params);
            String[] command = new String[1];
            List<String> args = new ArrayList<>();
            v.walk(n -> {
                if (n.is("pair") && n.child("key") != null) {
                    String k = n.child("key").stringValue();
                    if ("command".equals(k)) {
                        command[0] = f.string(n.child("value"));
                    } else if ("args".equals(k)) {
                        for (PyNode e : f.elements(n.child("value"))) {
                            String a = e.stringValue();
                            if (a != null) {
                                args.add(a);
                            }
                        }
                    }
                }
            });
            McpConfigs.launch(s, command[0], args);
        }
    }

    private final Map<String, Set<String>> contextEdges = new HashMap<>();
    private final Map<String, Set<String>> handoffs = new LinkedHashMap<>();

    private Set<String> handoffs(ScanModel.Agent a) {
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

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
