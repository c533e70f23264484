package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools defined in the repository itself ({@code @tool}, {@code @function_tool}, {@code @mcp.tool},
 * {@code register_for_llm}, BaseTool subclasses), collected from every Python file before agents are linked,
 * so an agent in one file can use a tool defined in another.
 */
public final class ToolRegistry {

    /** A tool definition. */
    public record Definition(String name, ToolSource source, ScanModel.Location location,
            Capabilities.Profile profile, String mcpServerId) {
    }

    /** An AutoGen {@code @agent.register_for_llm} link: the agent variable and the tool name. */
    public record AgentToolLink(String path, String agentVar, String toolName) {
    }

    /** How many calls deep a tool body's calls of the repository's own functions are followed. */
    static final int MAX_WRAPPER_DEPTH = 2;

    /** How many assignments deep the receiver of a method call in a tool body is followed to the call creating it. */
    static final int MAX_RECEIVER_DEPTH = 4;

    private final Map<String, Definition> byKey = new HashMap<>();
    private final List<AgentToolLink> links = new ArrayList<>();
    private final ModuleIndex modules;

    private ToolRegistry(ModuleIndex modules) {
        this.modules = modules;
    }

    /**
     * Collects the definitions of all files and registers FastMCP servers in the model.
     *
     * @param files the parsed files
     * @param model the model (MCP servers are added)
     * @param modules the repository's modules, to follow a tool body into the repository's own helpers
     * @return the registry
     * @throws NullPointerException if an argument is null
     */
    public static ToolRegistry collect(List<PythonFile> files, ScanModel model, ModuleIndex modules) {
        ToolRegistry r = new ToolRegistry(java.util.Objects.requireNonNull(modules, "modules"));
        for (PythonFile f : files) {
            r.collect(f, model);
        }
        return r;
    }

    /**
     * Returns the definition known under a key (function, class or tool name), or null.
     *
     * @param key the key
     * @return the definition or null
     */
    public Definition find(String key) {
        return byKey.get(key);
    }

    /**
     * Returns every distinct definition, in a stable order (by location, then name).
     *
     * @return the definitions
     */
    public List<Definition> definitions() {
        return byKey.values().stream().distinct()
                .sorted(java.util.Comparator.comparing((Definition d) -> d.location().path())
                        .thenComparingInt(d -> d.location().line()).thenComparing(Definition::name))
                .toList();
    }

    /**
     * Returns the AutoGen register_for_llm links.
     *
     * @return the links
     */
    public List<AgentToolLink> links() {
        return links;
    }

    private void collect(PythonFile f, ScanModel model) {
        Map<String, String> mcpVars = new HashMap<>();
        for (Map.Entry<String, PyNode> e : f.assignments.entrySet()) {
            PyNode v = e.getValue();
            if (v.is("call")) {
                String q = f.callee(v);
                if (q != null && PythonFile.last(q).equals("FastMCP")) {
                    String name = f.string(PythonFile.arg(v, "name", 0));
                    String server = name == null ? e.getKey() : name;
                    ScanModel.McpServer s = model.mcpServer(server, new ScanModel.Location(f.path, v.line()));
                    s.transport = "python";
                    s.launcher = "fastmcp";
                    mcpVars.put(e.getKey(), s.id);
                    model.framework(dev.vulcan.tool.agents.Framework.MCP, "import", f.path, null);
                }
            }
        }
        f.root.walk(node -> {
            if (node.is("function_definition")) {
                function(f, node, mcpVars);
            } else if (node.is("class_definition")) {
                baseTool(f, node);
            }
        });
    }

    private void function(PythonFile f, PyNode fn, Map<String, String> mcpVars) {
        String fnName = PythonFile.nameOf(fn);
        for (PyNode d : PythonFile.decoratorNodes(fn)) {
            PyNode target = d.is("call") ? d.child("function") : d;
            if (target == null) {
                continue;
            }
            String text = target.text();
            String last = PythonFile.last(text);
            String object = text.contains(".") ? text.substring(0, text.lastIndexOf('.')) : null;
            String declared = d.is("call") ? f.string(PythonFile.arg(d, "name", 0)) : null;
            if (declared == null && d.is("call")) {
                declared = f.string(PythonFile.kwarg(d, "name_override"));
            }
            String name = declared != null && !declared.isBlank() ? declared : fnName;
            ScanModel.Location loc = new ScanModel.Location(f.path, fn.line());
            if (last.equals("tool") && object != null && mcpVars.containsKey(object)) {
                put(fnName, name, new Definition(name, ToolSource.MCP, loc, profile(f, fn, name, modules), mcpVars.get(object)));
            } else if (last.equals("tool") || last.equals("function_tool")) {
                put(fnName, name, new Definition(name, ToolSource.CUSTOM, loc, profile(f, fn, name, modules), null));
            } else if (last.equals("register_for_llm") && object != null) {
                put(fnName, name, new Definition(name, ToolSource.CUSTOM, loc, profile(f, fn, name, modules), null));
                links.add(new AgentToolLink(f.path, object, name));
            }
        }
    }

    private void baseTool(PythonFile f, PyNode cls) {
        PyNode supers = cls.child("superclasses");
        if (supers == null) {
            return;
        }
        boolean isTool = supers.children().stream().anyMatch(s -> PythonFile.last(s.text()).equals("BaseTool"));
        if (!isTool) {
            return;
        }
        String className = PythonFile.nameOf(cls);
        String name = className;
        PyNode body = cls.child("body");
        if (body != null) {
            for (PyNode stmt : body.children()) {
                if (stmt.is("expression_statement") && !stmt.children().isEmpty() && stmt.children().get(0).is("assignment")) {
                    PyNode a = stmt.children().get(0);
                    PyNode left = a.child("left");
                    String v = f.string(a.child("right"));
                    if (left != null && left.text().equals("name") && v != null && !v.isBlank()) {
                        name = v;
                    }
                }
            }
        }
        put(className, name, new Definition(name, ToolSource.CUSTOM, new ScanModel.Location(f.path, cls.line()),
                profile(f, cls, name, modules), null));
    }

    private void put(String key, String name, Definition d) {
        byKey.put(key, d);
        byKey.put(name, d);
    }

    private static boolean writes(PythonFile f, PyNode openCall) {
        String mode = f.string(PythonFile.arg(openCall, "mode", 1));
        return mode != null && (mode.contains("w") || mode.contains("a") || mode.contains("x") || mode.contains("+"));
    }

    /**
     * Profiles a tool from the calls and string literals of its body and, up to {@value #MAX_WRAPPER_DEPTH}
     * calls deep, of the bodies of the repository's own functions it calls (same file, or imported from another
     * file of the repository): a tool whose body only calls a local {@code fetch_text(url)} wrapper gets the
     * wrapper's {@code httpx.get}.
     *
     * @param f the file
     * @param body the function or class definition
     * @param name the tool name
     * @param modules the repository's modules
     * @return the profile
     */
    public static Capabilities.Profile profile(PythonFile f, PyNode body, String name, ModuleIndex modules) {
        List<String> calls = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        java.util.Set<PyNode> seen = new java.util.HashSet<>();
        seen.add(body);
        collectBody(f, body, modules, 0, seen, calls, strings);
        return Capabilities.fromBody(name, calls, strings);
    }

    private static void collectBody(PythonFile f, PyNode body, ModuleIndex modules, int depth,
            java.util.Set<PyNode> seen, List<String> calls, List<String> strings) {
        List<ModuleIndex.Target> helpers = new ArrayList<>();
        Map<String, PyNode> local = new HashMap<>();
        PythonFile.assignmentsIn(body, true, local);
        body.walk(n -> {
            if (n.is("call")) {
                String q = f.callee(n);
                if (q != null) {
                    calls.add(q.equals("open") && writes(f, n) ? Capabilities.OPEN_FOR_WRITING : q);
                    String created = throughReceiver(f, rawCallee(n), local, modules, 0);
                    if (created != null) {
                        calls.add(created);
                    }
                    if (depth < MAX_WRAPPER_DEPTH) {
                        ModuleIndex.Target t = helper(f, n, q, modules);
                        if (t != null && seen.add(t.node())) {
                            helpers.add(t);
                        }
                    }
                }
            } else if (n.is("string")) {
                String s = n.stringValue();
                if (s != null) {
                    strings.add(s);
                }
            }
        });
        for (ModuleIndex.Target t : helpers) {
            collectBody(t.file(), t.node(), modules, depth + 1, seen, calls, strings);
        }
    }

    /** The callee text of a call without whitespace (a dotted name, possibly with a chained call), or null. */
    private static String rawCallee(PyNode call) {
        PyNode fn = call.child("function");
        return fn != null && fn.is("attribute") ? fn.text().replaceAll("\\s+", "") : null;
    }

    /**
     * The callee of a method call on a variable, with the variable replaced by the call that created it: after
     * {@code client = chromadb.PersistentClient()} at module level and {@code collection =
     * client.get_collection("kb")} in the body, {@code collection.query} is
     * {@code chromadb.PersistentClient.get_collection.query}, so the body's evidence names the client library. The
     * receiver is looked up in the body's own assignments, then the file's module-level ones, then (a plain name)
     * a module-level assignment in the repository module it is imported from; followed up to
     * {@value #MAX_RECEIVER_DEPTH} assignments deep.
     *
     * @return the rewritten qualified callee, or null when the receiver is no variable assigned a call
     */
    private static String throughReceiver(PythonFile f, String raw, Map<String, PyNode> local, ModuleIndex modules,
            int depth) {
        if (raw == null || depth >= MAX_RECEIVER_DEPTH) {
            return null;
        }
        for (int end = raw.lastIndexOf('.'); end > 0; end = raw.lastIndexOf('.', end - 1)) {
            String receiver = raw.substring(0, end);
            PythonFile in = f;
            Map<String, PyNode> inLocal = local;
            PyNode value = local.get(receiver);
            if (value == null) {
                value = f.moduleAssignments().get(receiver);
            }
            if (value == null && receiver.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                ModuleIndex.Target t = modules.imported(f, receiver);
                if (t != null && !t.isFunction() && !t.node().is("class_definition")) {
                    in = t.file();
                    inLocal = Map.of();
                    value = t.node();
                }
            }
            if (value == null) {
                continue;
            }
            if (value.is("await") && !value.children().isEmpty()) {
                value = value.children().get(value.children().size() - 1);
            }
            if (value.is("identifier") || value.is("attribute")) {
                // an alias of another variable or of an imported module/object
                String alias = value.text().replaceAll("\\s+", "") + raw.substring(end);
                String through = throughReceiver(in, alias, inLocal, modules, depth + 1);
                String first = alias.substring(0, alias.indexOf('.'));
                return through != null ? through : in.imports.containsKey(first) ? in.qualify(alias) : null;
            }
            if (!value.is("call")) {
                return null;
            }
            PyNode fn = value.child("function");
            if (fn == null || !(fn.is("identifier") || fn.is("attribute"))) {
                return null;
            }
            String inner = fn.text().replaceAll("\\s+", "");
            String origin = throughReceiver(in, fn.is("attribute") ? inner : null, inLocal, modules, depth + 1);
            return (origin != null ? origin : in.qualify(inner)) + raw.substring(end);
        }
        return null;
    }

    /** The repository function a call invokes: a plain name defined in the file, or a name imported from the repository. */
    private static ModuleIndex.Target helper(PythonFile f, PyNode call, String qualified, ModuleIndex modules) {
        PyNode fn = call.child("function");
        if (fn != null && fn.is("identifier")) {
            PyNode local = f.functions.get(fn.text());
            if (local != null && !f.imports.containsKey(fn.text())) {
                return new ModuleIndex.Target(f, local);
            }
        }
        if (!qualified.contains(".") && !f.imports.containsKey(qualified)) {
            return null;
        }
        ModuleIndex.Target t = fn != null && fn.is("identifier") ? modules.imported(f, fn.text())
                : modules.qualified(f, qualified);
        return t != null && t.isFunction() ? t : null;
    }
}
