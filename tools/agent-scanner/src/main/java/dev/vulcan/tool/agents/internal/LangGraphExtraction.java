package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LangGraph extraction of one file: StateGraph nodes (agents), ToolNode tools, edges (delegation), compile-time and in-node interrupts. */
final class LangGraphExtraction {

    private final FileScope s;

    LangGraphExtraction(FileScope s) {
        this.s = s;
    }

    void graphs() {
        Map<String, ScanModel.Crew> graphVars = new LinkedHashMap<>();
        for (PyNode call : s.f.calls) {
            String q = s.q(call);
            if (q == null || !s.isFw(q, Framework.LANGGRAPH)) {
                continue;
            }
            String last = PythonFile.last(q);
            if (last.equals("StateGraph") || last.equals("MessageGraph")) {
                s.handled.add(call);
                String var = PythonFile.assignedName(call);
                ScanModel.Crew crew = s.x.model.crew(Framework.LANGGRAPH, s.f.path, var != null ? var : s.fallbackName(call, "graph"),
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

    void graph(String var, ScanModel.Crew crew) {
        Map<String, ScanModel.Agent> nodes = new LinkedHashMap<>();
        Map<String, List<ScanModel.Tool>> toolNodes = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        List<PyNode> compiles = new ArrayList<>();
        Map<String, java.util.Set<String>> boundTools = new LinkedHashMap<>();
        for (PyNode call : s.f.calls) {
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
                    s.handled.add(call);
                    PyNode first = PythonFile.positional(call, 0);
                    PyNode second = PythonFile.positional(call, 1);
                    String name = s.f.string(first);
                    PyNode action = second;
                    if (name == null && first != null) {
                        name = PythonFile.last(first.text());
                        action = first;
                    }
                    if (name == null) {
                        continue;
                    }
                    PyNode value = action == null ? null : s.f.resolve(action);
                    if (value != null && value.is("call") && s.q(value) != null
                            && PythonFile.last(s.q(value)).equals("ToolNode")) {
                        s.handled.add(value);
                        toolNodes.put(name, s.tools(PythonFile.arg(value, "tools", 0)));
                        continue;
                    }
                    ScanModel.Agent a = s.x.model.agent(Framework.LANGGRAPH, s.f.path, name, call.line());
                    s.fileAgents.add(a);
                    s.x.model.addMember(crew, a);
                    nodes.put(name, a);
                    if (value != null && value.is("call") && s.q(value) != null) {
                        s.handled.add(value);
                        s.langchainAgent(a, value, 0, 1);
                    } else if (action != null) {
                        FileScope.FunctionRef def = s.function(PythonFile.last(action.text()));
                        if (def != null) {
                            boundTools.put(name, nodeFunction(def.scope(), a, def.def()));
                            String from = name;
                            commandTargets(def.scope(), def.def()).forEach(t -> edges.add(new String[] {from, t}));
                        }
                    }
                }
                case "add_edge" -> {
                    s.handled.add(call);
                    String from = s.f.string(PythonFile.positional(call, 0));
                    String to = s.f.string(PythonFile.positional(call, 1));
                    if (from != null && to != null) {
                        edges.add(new String[] {from, to});
                    }
                }
                case "add_conditional_edges" -> {
                    s.handled.add(call);
                    String from = s.f.string(PythonFile.positional(call, 0));
                    PyNode router = PythonFile.positional(call, 1);
                    PyNode mapping = PythonFile.arg(call, "path_map", 2);
                    List<String> targets = new ArrayList<>();
                    if (mapping != null) {
                        PyNode m = s.f.resolve(mapping);
                        m.walk(n -> {
                            if (n.is("pair")) {
                                String t = s.f.string(n.child("value"));
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
                            FileScope.FunctionRef ref = s.function(rn);
                            PyNode def = ref == null ? null : ref.def();
                            if (def != null) {
                                def.walk(n -> {
                                    if (n.is("return_statement") && !n.children().isEmpty()) {
                                        String t = n.children().get(0).stringValue();
                                        if (t != null) {
                                            targets.add(t);
                                        }
                                    }
                                });
                                targets.addAll(sendTargets(ref.scope(), def));
                            }
                        }
                    }
                    if (from != null) {
                        targets.forEach(t -> edges.add(new String[] {from, t}));
                    }
                }
                case "compile" -> {
                    s.handled.add(call);
                    compiles.add(call);
                    s.x.graphsByCompile.put(call, crew);
                }
                default -> {
                }
            }
        }
        // per tool node, per tool id: the agents calling that tool through the node
        Map<String, Map<String, List<ScanModel.Agent>>> toolNodeUsers = new LinkedHashMap<>();
        for (Map.Entry<String, List<ScanModel.Tool>> tn : toolNodes.entrySet()) {
            List<ScanModel.Agent> routed = new ArrayList<>();
            for (String[] e : edges) {
                if (e[1].equals(tn.getKey()) && nodes.containsKey(e[0])) {
                    routed.add(nodes.get(e[0]));
                }
            }
            Map<String, List<ScanModel.Agent>> byTool = new LinkedHashMap<>();
            toolNodeUsers.put(tn.getKey(), byTool);
            for (ScanModel.Tool t : tn.getValue()) {
                List<ScanModel.Agent> users = routed.isEmpty() ? unroutedUsers(t, nodes, boundTools)
                        : ownUsers(t, routed, nodes, boundTools);
                users.forEach(a -> a.toolIds.add(t.id));
                byTool.put(t.id, users);
            }
        }
        for (String[] e : edges) {
            ScanModel.Agent from = nodes.get(e[0]);
            ScanModel.Agent to = nodes.get(e[1]);
            if (from != null && to != null && from != to) {
                s.x.handoffs(from).add(to.id);
            }
        }
        for (PyNode c : compiles) {
            for (String kw : List.of("interrupt_before", "interrupt_after")) {
                PyNode v = PythonFile.kwarg(c, kw);
                if (v == null) {
                    continue;
                }
                ScanModel.Guardrail g = s.x.model.guardrail(GuardrailKind.HUMAN_IN_THE_LOOP, kw, s.loc(v));
                for (PyNode e : s.f.elements(v)) {
                    String n = s.f.string(e);
                    if (n == null) {
                        continue;
                    }
                    if (nodes.containsKey(n)) {
                        g.guards.add(nodes.get(n).id);
                    } else if (toolNodes.containsKey(n)) {
                        // the node's tools, gated where this graph's agents call them through the node
                        for (ScanModel.Tool t : toolNodes.get(n)) {
                            List<ScanModel.Agent> users = toolNodeUsers.get(n).getOrDefault(t.id, List.of());
                            if (users.isEmpty()) {
                                g.guards.add(t.id);
                            } else {
                                users.forEach(a -> g.guardToolFor(t.id, a.id));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The agent nodes that call a tool of a ToolNode no edge leads to: the nodes that bind that tool themselves
     * ({@code llm.bind_tools(...)}); when none does, every node that binds no tools of its own (a node that binds
     * its own tools owns only those); when every node binds its own, every node.
     */
    private static List<ScanModel.Agent> unroutedUsers(ScanModel.Tool tool, Map<String, ScanModel.Agent> nodes,
            Map<String, java.util.Set<String>> boundTools) {
        List<ScanModel.Agent> binders = new ArrayList<>();
        List<ScanModel.Agent> unbound = new ArrayList<>();
        for (Map.Entry<String, ScanModel.Agent> n : nodes.entrySet()) {
            java.util.Set<String> own = boundTools.getOrDefault(n.getKey(), java.util.Set.of());
            if (own.isEmpty()) {
                unbound.add(n.getValue());
            } else if (own.contains(tool.id)) {
                binders.add(n.getValue());
            }
        }
        if (!binders.isEmpty()) {
            return binders;
        }
        return unbound.isEmpty() ? new ArrayList<>(nodes.values()) : unbound;
    }

    /**
     * The nodes routed to a ToolNode that call one of its tools: a node binding tools of its own calls only those;
     * a node binding none (or tools the scanner cannot name) any of them. When no routed node qualifies, every
     * routed node (the tool is in the node for someone).
     */
    private static List<ScanModel.Agent> ownUsers(ScanModel.Tool tool, List<ScanModel.Agent> routed,
            Map<String, ScanModel.Agent> nodes, Map<String, java.util.Set<String>> boundTools) {
        Map<String, String> nodeOf = new LinkedHashMap<>();
        nodes.forEach((n, a) -> nodeOf.put(a.id, n));
        List<ScanModel.Agent> out = new ArrayList<>();
        for (ScanModel.Agent a : routed) {
            java.util.Set<String> own = boundTools.getOrDefault(nodeOf.get(a.id), java.util.Set.of());
            if ((own.isEmpty() || own.contains(tool.id)) && !out.contains(a)) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            routed.stream().distinct().forEach(out::add);
        }
        return out;
    }

    /**
     * The nodes a node function routes to by returning LangGraph commands: {@code Command(goto="x")},
     * {@code Command(goto=["x", "y"])}, {@code Command(goto=Send("x", ...))}, a {@code Send("x", ...)} anywhere in
     * the body, and the string literals of a {@code Command[Literal[...]]} return annotation. Names of no node
     * ({@code "__end__"}) are dropped by the caller.
     */
    static List<String> commandTargets(FileScope s, PyNode def) {
        List<String> out = new ArrayList<>();
        PyNode returns = def.child("return_type");
        if (returns != null && returns.text().contains("Command")) {
            returns.walk(n -> {
                if (n.is("string") && n.stringValue() != null) {
                    out.add(n.stringValue());
                }
            });
        }
        PyNode body = def.child("body");
        if (body == null) {
            return out;
        }
        body.walk(n -> {
            if (!n.is("call") || s.q(n) == null || !PythonFile.last(s.q(n)).equals("Command")) {
                return;
            }
            for (PyNode e : s.f.elements(PythonFile.kwarg(n, "goto"))) {
                String t = s.f.string(e);
                if (t != null) {
                    out.add(t);
                }
            }
        });
        out.addAll(sendTargets(s, body));
        return out;
    }

    /** The node names of the {@code Send("node", state)} calls within a tree (map-reduce fan-out). */
    static List<String> sendTargets(FileScope s, PyNode within) {
        List<String> out = new ArrayList<>();
        within.walk(n -> {
            if (n.is("call") && s.q(n) != null && PythonFile.last(s.q(n)).equals("Send")) {
                String t = s.f.string(PythonFile.arg(n, "node", 0));
                if (t != null) {
                    out.add(t);
                }
            }
        });
        return out;
    }

    /**
     * Reads a graph node's function (in the file that defines it): bound tools (a {@code bind_tools} call in the
     * body or a model the body uses that the file binds, {@code research_model = llm.bind_tools(TOOLS)}), its
     * LLM, {@code interrupt()}.
     *
     * @return the ids of the tools the node binds itself
     */
    static java.util.Set<String> nodeFunction(FileScope s, ScanModel.Agent a, PyNode def) {
        java.util.Set<String> bound = new java.util.LinkedHashSet<>();
        java.util.Set<PyNode> seen = new java.util.HashSet<>();
        def.walk(n -> {
            if (n.is("identifier")) {
                PyNode v = s.f.resolve(n);
                if (v != n && v.is("call") && s.q(v) != null && PythonFile.last(s.q(v)).equals("bind_tools")
                        && seen.add(v)) {
                    bindTools(s, a, v, bound);
                }
                return;
            }
            if (!n.is("call")) {
                return;
            }
            String q = s.q(n);
            if (q == null) {
                return;
            }
            String last = PythonFile.last(q);
            if (last.equals("bind_tools")) {
                if (seen.add(n)) {
                    bindTools(s, a, n, bound);
                }
            } else if (last.equals("create_react_agent") || last.equals("ToolNode")) {
                // an agent (or a tool node) built inside the node is the node's own: its tools are the node's
                s.handled.add(n);
                boolean agent = last.equals("create_react_agent");
                if (agent) {
                    s.langchainAgent(a, n, 0, 1);
                }
                s.tools(PythonFile.arg(n, "tools", agent ? 1 : 0)).forEach(t -> {
                    a.toolIds.add(t.id);
                    bound.add(t.id);
                });
            } else if (last.equals("interrupt") && s.isFw(q, Framework.LANGGRAPH)) {
                s.guard(GuardrailKind.HUMAN_IN_THE_LOOP, "interrupt()", s.loc(n), a.id);
            } else if (a.llm == null && Providers.ofClass(last) != null && q.contains(".")) {
                a.llm = s.llm(n);
            }
        });
        return bound;
    }

    private static void bindTools(FileScope s, ScanModel.Agent a, PyNode call, java.util.Set<String> bound) {
        s.tools(PythonFile.arg(call, "tools", 0)).forEach(t -> {
            a.toolIds.add(t.id);
            bound.add(t.id);
        });
        PyNode fn = call.child("function");
        PyNode obj = fn == null ? null : fn.child("object");
        ScanModel.LlmRef llm = obj == null ? null : s.llm(obj);
        if (llm != null) {
            a.llm = llm;
        }
    }
}
