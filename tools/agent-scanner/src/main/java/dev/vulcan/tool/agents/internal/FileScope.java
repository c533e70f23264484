package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The extraction of one Python file: its agents, tools, crews and guardrails, per framework. */
final class FileScope {

    final PythonExtractor x;
    final PythonFile f;
    private final CrewAiExtraction crewAi = new CrewAiExtraction(this);
    private final LangGraphExtraction langGraph = new LangGraphExtraction(this);
    private final LlmEvidence llmEvidence = new LlmEvidence(this);
    final Map<String, ScanModel.Agent> agentVars = new LinkedHashMap<>();
    final Map<String, PythonExtractor.Task> taskVars = new LinkedHashMap<>();
    final Set<PyNode> handled = new HashSet<>();
    final List<ScanModel.Agent> fileAgents = new ArrayList<>();
    final List<PyNode> registrations = new ArrayList<>();

    /** How many imported definitions deep this scope is (0 for the file being extracted). */
    private final int importDepth;

    /** How many files deep a name imported from the repository is followed (list of a list of ...). */
    private static final int MAX_IMPORT_DEPTH = 3;

    FileScope(PythonExtractor x, PythonFile f) {
        this(x, f, 0);
    }

    private FileScope(PythonExtractor x, PythonFile f, int importDepth) {
        this.x = x;
        this.f = f;
        this.importDepth = importDepth;
    }

    /**
     * Returns a scope reading another file of the repository (for a definition this file imports), or null when
     * imports are already followed {@value #MAX_IMPORT_DEPTH} files deep.
     */
    FileScope importedScope(PythonFile other) {
        return importDepth >= MAX_IMPORT_DEPTH ? null : new FileScope(x, other, importDepth + 1);
    }

    /** A function definition with the scope of the file that holds it. */
    record FunctionRef(FileScope scope, PyNode def) {
    }

    /**
     * Finds the definition of a function called by name here: defined in this file, else imported from another
     * file of the repository; null when neither.
     */
    FunctionRef function(String name) {
        if (name == null) {
            return null;
        }
        PyNode local = f.functions.get(name);
        if (local != null && !f.imports.containsKey(name)) {
            return new FunctionRef(this, local);
        }
        ModuleIndex.Target t = x.modules.imported(f, name);
        if (t != null && t.isFunction()) {
            FileScope other = importedScope(t.file());
            return other == null ? null : new FunctionRef(other, t.node());
        }
        return local == null ? null : new FunctionRef(this, local);
    }

    /** The profile of a repository function used as a tool, from its body (and helpers), in its own file. */
    Capabilities.Profile functionProfile(FunctionRef ref, String toolName) {
        return ToolRegistry.profile(ref.scope().f, ref.def(), toolName, x.modules);
    }

    void run() {
        llmEvidence.providers();
        for (PyNode cls : f.classes) {
            if (f.decorators(cls).stream().anyMatch(d -> PythonFile.last(d).equals("CrewBase"))) {
                crewAi.crewBase(cls);
            }
        }
        langGraph.graphs();
        for (PyNode call : f.calls) {
            if (!handled.contains(call)) {
                agentCall(call);
            }
        }
        handoffMutations();
        runConfigLimits();
        for (PyNode call : registrations) {
            ScanModel.Agent caller = agentRef(PythonFile.kwarg(call, "caller"));
            PyNode fn = PythonFile.arg(call, "f", 0);
            if (caller != null && fn != null) {
                String name = f.string(PythonFile.kwarg(call, "name"));
                ScanModel.Tool t = tool(fn);
                if (t != null && name == null) {
                    caller.toolIds.add(t.id);
                } else if (name != null) {
                    FunctionRef def = function(PythonFile.last(fn.text()));
                    ScanModel.Tool named = x.model.tool(name, ToolSource.CUSTOM, loc(call));
                    PythonExtractor.apply(named, def != null ? functionProfile(def, name)
                            : Capabilities.fromName(name));
                    caller.toolIds.add(named.id);
                }
            }
        }
        for (PyNode call : f.calls) {
            if (!handled.contains(call)) {
                crewAi.taskCall(call);
            }
        }
        for (PyNode call : f.calls) {
            if (!handled.contains(call)) {
                groupCall(call);
            }
        }
        guardrailLibraries();
    }

    ScanModel.Location loc(PyNode n) {
        return new ScanModel.Location(f.path, n.line());
    }

    String q(PyNode call) {
        return f.callee(call);
    }

    boolean isFw(String q, Framework fw) {
        return fw == x.frameworkOf(q);
    }

    String modelString(PyNode call) {
        for (String kw : List.of("model", "model_name", "deployment_name", "azure_deployment")) {
            String m = f.string(PythonFile.kwarg(call, kw));
            if (m != null) {
                return Providers.plausibleModel(m) ? m : null;
            }
        }
        String first = f.string(PythonFile.positional(call, 0));
        return first != null && Providers.plausibleModel(first) ? first : null;
    }

    ScanModel.LlmRef llm(PyNode expr) {
        if (expr == null) {
            return null;
        }
        PyNode v = f.resolve(expr);
        String s = v.stringValue();
        if (s != null) {
            return Providers.plausibleModel(s) ? new ScanModel.LlmRef(Providers.ofModel(s), s) : null;
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
            PyNode v = f.resolve(e);
            List<ScanModel.Tool> imported = importedTools(v);
            if (imported != null) {
                out.addAll(imported);
                continue;
            }
            String callee = v.is("call") ? q(v) : null;
            if (callee != null && PythonFile.last(callee).equals("load_tools")) {
                for (PyNode n : f.elements(PythonFile.arg(v, "tool_names", 0))) {
                    String name = f.string(n);
                    if (name != null && !name.isBlank()) {
                        out.add(x.toolByName(name, loc(n)));
                    }
                }
                continue;
            }
            ScanModel.Tool t = tool(e);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The tools of a list (or tuple, or concatenation) assigned in another file of the repository and imported
     * here by name ({@code ToolNode(TOOLS)} with {@code from app.tools import TOOLS}); null when the name is not
     * such a list (a tool, a function, an unknown name).
     */
    List<ScanModel.Tool> importedTools(PyNode v) {
        if (!v.is("identifier") || !f.imports.containsKey(v.text()) || x.registry.find(v.text()) != null) {
            return null;
        }
        ModuleIndex.Target t = x.modules.imported(f, v.text());
        if (t == null || !(t.node().is("list") || t.node().is("tuple") || t.node().is("binary_operator"))) {
            return null;
        }
        FileScope other = importedScope(t.file());
        return other == null ? null : other.tools(t.node());
    }

    ScanModel.Tool tool(PyNode e) {
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
                ToolRegistry.Definition d = fnName == null ? null : x.registry.find(fnName);
                ScanModel.Tool t = x.model.tool(toolName, ToolSource.CUSTOM, loc(v));
                FunctionRef def = function(fnName);
                PythonExtractor.apply(t, d != null ? d.profile() : def != null ? functionProfile(def, toolName)
                        : Capabilities.fromName(toolName));
                approvalCallbacks(v, t.id);
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
            return x.toolByName(s, loc(v));
        }
        return null;
    }

    ScanModel.Tool named(String name, boolean imported, PyNode at) {
        ToolRegistry.Definition d = x.registry.find(name);
        if (d != null) {
            return x.toolFromDefinition(d);
        }
        if (Capabilities.isBuiltin(name)) {
            ScanModel.Tool t = x.model.tool(name, ToolSource.BUILTIN, loc(at));
            PythonExtractor.apply(t, Capabilities.builtin(name));
            return t;
        }
        FunctionRef def = function(name);
        if (def != null) {
            ScanModel.Tool t = x.model.tool(name, ToolSource.CUSTOM, def.scope().loc(def.def()));
            PythonExtractor.apply(t, functionProfile(def, name));
            return t;
        }
        ScanModel.Tool t = x.model.tool(name, imported ? ToolSource.LIBRARY : ToolSource.CUSTOM, loc(at));
        PythonExtractor.apply(t, Capabilities.fromName(name));
        return t;
    }

    PyNode firstCall(PyNode within, String last) {
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

    // ---------------------------------------------------------------- agents

    void agentCall(PyNode call) {
        String q = q(call);
        if (q == null) {
            return;
        }
        Framework fw = x.frameworkOf(q);
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
                    crewAi.crewAgentKwargs(a, call);
                }
            }
            case OPENAI_AGENTS -> {
                if (last.equals("Agent")) {
                    String var = PythonFile.assignedName(call);
                    String declared = f.string(PythonFile.kwarg(call, "name"));
                    String name = declared != null ? declared : var != null ? var : "agent_" + call.line();
                    ScanModel.Agent a = newAgent(Framework.OPENAI_AGENTS, name, call, var);
                    if (var != null) {
                        x.sdkAgentsByVar.put(var, a);
                    }
                    sdkAgent(a, call);
                } else if (last.startsWith("MCPServer")) {
                    String name = f.string(PythonFile.kwarg(call, "name"));
                    String var = PythonFile.assignedName(call);
                    ScanModel.McpServer s = x.model.mcpServer(name != null ? name : var != null ? var
                            : "mcp_" + call.line(), loc(call));
                    s.transport = last.equals("MCPServerStdio") ? "stdio" : "http";
                    mcpParams(s, PythonFile.kwarg(call, "params"));
                    x.model.framework(Framework.MCP, "import", f.path, null);
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
                if (PythonExtractor.LANGCHAIN_AGENT_FACTORIES.contains(last)) {
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
                            a.toolIds.add(x.toolByName("SQLDatabaseToolkit", loc(call)).id);
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
    String fallbackName(PyNode call, String prefix) {
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

    ScanModel.Agent newAgent(Framework fw, String name, PyNode call, String var) {
        handled.add(call);
        ScanModel.Agent a = x.model.agent(fw, f.path, name, call.line());
        x.agentsByCall.put(call, a);
        if (var != null) {
            agentVars.put(var, a);
            x.agentVarNames.put(a, var);
        }
        fileAgents.add(a);
        return a;
    }

    void kwargGuard(PyNode call, String kw, GuardrailKind kind, String guarded) {
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
        guard(kind, literal ? kw + "=" + PythonExtractor.abbreviate(v.text()) : kw, loc(v), guarded);
    }

    void sdkAgent(ScanModel.Agent a, PyNode call) {
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
            a.mcpServerIds.add(x.model.mcpServer(key, loc(s)).id);
        }
        kwargGuard(call, "output_type", GuardrailKind.OUTPUT_VALIDATION, a.id);
        kwargGuard(call, "output_guardrails", GuardrailKind.OUTPUT_VALIDATION, a.id);
        kwargGuard(call, "input_guardrails", GuardrailKind.INPUT_VALIDATION, a.id);
        if (!a.handoffNames.isEmpty()) {
            x.deferred.add(() -> {
                for (String h : a.handoffNames) {
                    ScanModel.Agent target = agentVars.get(h);
                    if (target == null) {
                        target = x.sdkAgentsByVar.get(h);
                    }
                    if (target != null) {
                        x.handoffs(a).add(target.id);
                    }
                }
            });
        }
    }

    void autogenAgent(ScanModel.Agent a, PyNode call, String last) {
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
        autogenHandoffs(a, PythonFile.kwarg(call, "handoffs"));
        PyNode code = PythonFile.kwarg(call, "code_execution_config");
        if (code == null) {
            code = PythonFile.kwarg(call, "code_executor");
        }
        boolean exec = last.equals("CodeExecutorAgent")
                || code != null && !code.is("false") && !code.is("none");
        if (exec) {
            ScanModel.Tool t = x.model.tool("code_execution", ToolSource.BUILTIN, loc(call));
            t.capabilities.add(Capability.CODE_EXEC);
            a.toolIds.add(t.id);
        }
    }

    /**
     * AgentChat {@code handoffs=["analyst", Handoff(target="planner")]}: targets are agent names; each resolves
     * (once every file is read) to the AutoGen agent of that name in this file, else the only one in the
     * repository. Targets that are no agent ({@code "user"}) are skipped.
     */
    void autogenHandoffs(ScanModel.Agent a, PyNode handoffs) {
        List<String> targets = new ArrayList<>();
        for (PyNode h : f.elements(handoffs)) {
            PyNode v = f.resolve(h);
            String name = f.string(v);
            if (name == null && v.is("call") && q(v) != null && PythonFile.last(q(v)).equals("Handoff")) {
                name = f.string(PythonFile.arg(v, "target", 0));
            }
            if (name != null && !name.isBlank()) {
                targets.add(name);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        x.deferred.add(() -> {
            for (String name : targets) {
                ScanModel.Agent target = fileAgents.stream()
                        .filter(o -> o.framework == Framework.AUTOGEN && o.name.equals(name)).findFirst().orElse(null);
                if (target == null) {
                    List<ScanModel.Agent> all = x.model.agents.values().stream()
                            .filter(o -> o.framework == Framework.AUTOGEN && o.name.equals(name)).toList();
                    target = all.size() == 1 ? all.get(0) : null;
                }
                if (target != null && target != a) {
                    x.handoffs(a).add(target.id);
                }
            }
        });
    }

    /**
     * Handoffs added after construction: {@code faq_agent.handoffs.append(triage_agent)},
     * {@code .extend([...])}, {@code .insert(i, agent)}, also through {@code handoff(agent=...)}; owner and
     * targets are agent variables of this file or OpenAI Agents SDK agents of any file.
     */
    void handoffMutations() {
        for (PyNode call : f.calls) {
            PyNode fn = call.child("function");
            PyNode method = fn == null || !fn.is("attribute") ? null : fn.child("attribute");
            PyNode list = fn == null || !fn.is("attribute") ? null : fn.child("object");
            if (method == null || list == null || !list.is("attribute") || list.child("attribute") == null
                    || !list.child("attribute").text().equals("handoffs") || list.child("object") == null) {
                continue;
            }
            String ownerVar = PythonFile.last(list.child("object").text());
            List<PyNode> added = switch (method.text()) {
                case "append" -> {
                    PyNode one = PythonFile.positional(call, 0);
                    yield one == null ? List.of() : List.of(one);
                }
                case "extend" -> f.elements(PythonFile.positional(call, 0));
                case "insert" -> {
                    PyNode one = PythonFile.positional(call, 1);
                    yield one == null ? List.of() : List.of(one);
                }
                default -> List.of();
            };
            List<String> targets = new ArrayList<>();
            for (PyNode h : added) {
                PyNode target = h;
                if (h.is("call") && q(h) != null && PythonFile.last(q(h)).equals("handoff")) {
                    target = PythonFile.arg(h, "agent", 0);
                }
                if (target != null && (target.is("identifier") || target.is("attribute"))) {
                    targets.add(PythonFile.last(target.text()));
                }
            }
            if (targets.isEmpty()) {
                continue;
            }
            x.deferred.add(() -> {
                ScanModel.Agent owner = agentByVar(ownerVar);
                for (String t : targets) {
                    ScanModel.Agent target = agentByVar(t);
                    if (owner != null && target != null && target != owner) {
                        x.handoffs(owner).add(target.id);
                    }
                }
            });
        }
    }

    private static final java.util.Set<String> RUN_METHODS = java.util.Set.of("invoke", "ainvoke", "stream",
            "astream", "batch", "abatch", "astream_events", "with_config");

    /**
     * A LangChain/LangGraph run-config bound: {@code graph.invoke(x, {"recursion_limit": 25})},
     * {@code agent.stream(x, config=RunnableConfig(recursion_limit=10))},
     * {@code agent.with_config(recursion_limit=10)}. The receiver is followed (also into another file of the
     * repository) to the agent or compiled graph it names; every agent of that graph is bounded.
     */
    void runConfigLimits() {
        for (PyNode call : f.calls) {
            PyNode fn = call.child("function");
            PyNode method = fn == null || !fn.is("attribute") ? null : fn.child("attribute");
            PyNode receiver = fn == null || !fn.is("attribute") ? null : fn.child("object");
            if (method == null || receiver == null || !RUN_METHODS.contains(method.text())
                    || !(receiver.is("identifier") || receiver.is("attribute"))) {
                continue;
            }
            PyNode limit = method.text().equals("with_config") ? PythonFile.kwarg(call, "recursion_limit") : null;
            if (limit == null) {
                limit = recursionLimit(PythonFile.arg(call, "config", method.text().equals("with_config") ? 0 : 1));
            }
            if (limit == null || limit.is("none") || limit.is("integer") && limit.text().equals("0")) {
                continue;
            }
            String detail = "recursion_limit=" + PythonExtractor.abbreviate(limit.text()) + " (run config)";
            boundAtEnd(receiver, detail, loc(limit));
        }
        runnerLimits();
    }

    /**
     * Records, once every file is extracted, a recursion_limit guardrail on the agent (or every agent of the
     * compiled graph) an expression names: a variable of this file, or a name imported from another file of the
     * repository, followed to the call that built it.
     */
    private void boundAtEnd(PyNode ref, String detail, ScanModel.Location at) {
        PyNode target = f.resolve(ref);
        String name = ref.text();
        x.deferred.add(() -> {
            List<String> guarded = new ArrayList<>();
            ScanModel.Agent a = agentVars.get(name);
            PyNode made = target;
            if (a == null && ref.is("identifier") && target == ref) {
                ModuleIndex.Target t = x.modules.imported(f, name);
                made = t == null ? null : t.node();
            }
            if (a == null && made != null) {
                a = x.agentsByCall.get(made);
            }
            if (a != null) {
                guarded.add(a.id);
            } else if (made != null && x.graphsByCompile.containsKey(made)) {
                guarded.addAll(x.graphsByCompile.get(made).agentIds);
            }
            for (String id : guarded) {
                guard(GuardrailKind.RECURSION_LIMIT, detail, at, id);
            }
        });
    }

    /**
     * An OpenAI Agents SDK run bound: {@code Runner.run(agent, input, max_turns=N)} (also {@code run_sync},
     * {@code run_streamed}) bounds its starting agent, followed like a run config's receiver (also into the
     * module the agent is imported from).
     */
    private void runnerLimits() {
        for (PyNode call : f.calls) {
            String q = q(call);
            if (q == null || !RUNNER_METHODS.contains(PythonFile.last(q)) || !q.contains(".")
                    || !PythonFile.last(q.substring(0, q.lastIndexOf('.'))).equals("Runner")) {
                continue;
            }
            PyNode limit = PythonFile.kwarg(call, "max_turns");
            PyNode start = PythonFile.arg(call, "starting_agent", 0);
            if (limit == null || limit.is("none") || start == null
                    || !(start.is("identifier") || start.is("attribute"))) {
                continue;
            }
            boundAtEnd(start, "max_turns=" + PythonExtractor.abbreviate(limit.text()) + " (Runner)", loc(limit));
        }
    }

    private static final java.util.Set<String> RUNNER_METHODS = java.util.Set.of("run", "run_sync",
            "run_streamed");

    /** The {@code recursion_limit} value of a run config (a dict literal or a config-constructor call), or null. */
    private PyNode recursionLimit(PyNode config) {
        if (config == null) {
            return null;
        }
        PyNode v = f.resolve(config);
        if (v.is("call")) {
            return PythonFile.kwarg(v, "recursion_limit");
        }
        if (!v.is("dictionary")) {
            return null;
        }
        for (PyNode pair : v.children()) {
            if (pair.is("pair") && pair.child("key") != null
                    && "recursion_limit".equals(pair.child("key").stringValue())) {
                return pair.child("value");
            }
        }
        return null;
    }

    private ScanModel.Agent agentByVar(String var) {
        ScanModel.Agent a = agentVars.get(var);
        return a != null ? a : x.sdkAgentsByVar.get(var);
    }

    void langchainAgent(ScanModel.Agent a, PyNode call, int llmIndex, int toolsIndex) {
        ScanModel.LlmRef llm = llm(PythonFile.arg(call, "llm", llmIndex));
        if (llm == null) {
            llm = llm(PythonFile.kwarg(call, "model"));
        }
        if (llm != null) {
            a.llm = llm;
        }
        List<ScanModel.Tool> own = tools(PythonFile.arg(call, "tools", toolsIndex));
        own.forEach(t -> a.toolIds.add(t.id));
        kwargGuard(call, "response_format", GuardrailKind.OUTPUT_VALIDATION, a.id);
        prebuiltInterrupt(call, "interrupt_before", a, own);
        prebuiltInterrupt(call, "interrupt_after", a, own);
    }

    /**
     * The {@code interrupt_before}/{@code interrupt_after} of a prebuilt agent ({@code create_react_agent}, a
     * graph of its own with a model node and a {@code "tools"} node): the node name {@code "tools"} gates each of
     * the agent's tools, as {@code compile(interrupt_before=["tools"])} on a graph with a ToolNode does; any other
     * node name (the model node {@code "agent"}/{@code "model"}, a hook) gates the agent. A list given through a
     * variable of the file is followed; a value that names no node (a parameter, a call) gates the agent.
     */
    private void prebuiltInterrupt(PyNode call, String kw, ScanModel.Agent a, List<ScanModel.Tool> own) {
        PyNode v = PythonFile.kwarg(call, kw);
        if (v == null || v.is("none")) {
            return;
        }
        ScanModel.Guardrail g = x.model.guardrail(GuardrailKind.HUMAN_IN_THE_LOOP, kw, loc(v));
        boolean named = false;
        for (PyNode e : f.elements(v)) {
            String node = f.string(e);
            if (node == null) {
                continue;
            }
            named = true;
            if (node.equals("tools")) {
                own.forEach(t -> g.guardToolFor(t.id, a.id));
            } else {
                g.guards.add(a.id);
            }
        }
        if (!named) {
            g.guards.add(a.id);
        }
    }

    void executorKwargs(ScanModel.Agent a, PyNode call) {
        kwargGuard(call, "max_iterations", GuardrailKind.RECURSION_LIMIT, a.id);
        kwargGuard(call, "max_execution_time", GuardrailKind.RECURSION_LIMIT, a.id);
        approvalCallbacks(call, a.id);
    }

    /**
     * The approval handlers among a call's {@code callbacks=[...]} (LangChain {@code HumanApprovalCallbackHandler}
     * or a handler class whose name says approval, given inline or through a variable): each is a
     * human_in_the_loop guardrail on the node the call builds (an agent executor, or a tool, which is then gated
     * for every agent using it).
     */
    void approvalCallbacks(PyNode call, String guarded) {
        for (PyNode cb : f.elements(PythonFile.kwarg(call, "callbacks"))) {
            PyNode v = f.resolve(cb);
            String q = v.is("call") ? q(v) : v.text();
            if (q != null && PythonFile.last(q).contains("Approval")) {
                guard(GuardrailKind.HUMAN_IN_THE_LOOP, PythonFile.last(q), loc(cb), guarded);
            }
        }
    }

    ScanModel.Agent agentRef(PyNode expr) {
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

    void groupCall(PyNode call) {
        String q = q(call);
        if (q == null) {
            return;
        }
        Framework fw = x.frameworkOf(q);
        String last = PythonFile.last(q);
        String var = PythonFile.assignedName(call);
        if (fw == Framework.CREWAI && last.equals("Crew")) {
            handled.add(call);
            ScanModel.Crew crew = x.model.crew(Framework.CREWAI, f.path, var != null ? var : fallbackName(call, "crew"),
                    call.line(), crewAi.process(call));
            for (PyNode e : f.elements(PythonFile.kwarg(call, "agents"))) {
                ScanModel.Agent a = agentRef(e);
                if (a != null) {
                    x.model.addMember(crew, a);
                }
            }
            List<PythonExtractor.Task> tasks = new ArrayList<>();
            for (PyNode e : f.elements(PythonFile.kwarg(call, "tasks"))) {
                PythonExtractor.Task t = taskVars.get(PythonFile.last(e.text()));
                if (t != null) {
                    tasks.add(t);
                    if (t.agent() != null) {
                        x.model.addMember(crew, t.agent());
                    }
                }
            }
            crewAi.crewKwargs(crew, call);
            crewAi.flow(crew, tasks);
        } else if (fw == Framework.AUTOGEN && (last.equals("GroupChat") || last.equals("RoundRobinGroupChat")
                || last.equals("SelectorGroupChat") || last.equals("Swarm"))) {
            handled.add(call);
            CrewProcess p = switch (last) {
                case "RoundRobinGroupChat" -> CrewProcess.ROUND_ROBIN;
                case "Swarm" -> CrewProcess.SWARM;
                default -> CrewProcess.GROUP_CHAT;
            };
            ScanModel.Crew crew = x.model.crew(Framework.AUTOGEN, f.path, var != null ? var : fallbackName(call, "group"),
                    call.line(), p);
            PyNode members = last.equals("GroupChat") ? PythonFile.arg(call, "agents", 0)
                    : PythonFile.arg(call, "participants", 0);
            for (PyNode e : f.elements(members)) {
                ScanModel.Agent a = agentRef(e);
                if (a != null) {
                    x.model.addMember(crew, a);
                }
            }
            for (String kw : List.of("max_round", "max_turns")) {
                for (String id : crew.agentIds) {
                    kwargGuard(call, kw, GuardrailKind.RECURSION_LIMIT, id);
                }
            }
            PyNode termination = PythonFile.kwarg(call, "termination_condition");
            if (termination != null && PythonExtractor.BOUNDED_TERMINATION.matcher(f.resolve(termination).text()).find()) {
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
                x.model.addMember(crew, m);
            }
        }
    }

    final Map<String, ScanModel.Crew> groupVars = new HashMap<>();

    void spreadHumanGate(ScanModel.Crew crew) {
        for (ScanModel.Guardrail g : new ArrayList<>(x.model.guardrails.values())) {
            if (g.kind == GuardrailKind.HUMAN_IN_THE_LOOP && g.guards.stream().anyMatch(crew.agentIds::contains)) {
                g.guards.addAll(crew.agentIds);
            }
        }
    }

    void guardrailLibraries() {
        for (String m : f.importedModules) {
            String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
            if (PythonExtractor.GUARDRAIL_LIBRARIES.contains(top)) {
                ScanModel.Guardrail g = x.model.guardrail(GuardrailKind.GUARDRAIL_LIBRARY, top,
                        new ScanModel.Location(f.path, 0));
                fileAgents.forEach(a -> g.guards.add(a.id));
            }
        }
    }

    void guard(GuardrailKind kind, String detail, ScanModel.Location at, String guarded) {
        x.model.guardrail(kind, detail, at).guards.add(guarded);
    }

    void mcpParams(ScanModel.McpServer s, PyNode params) {
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
