package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The syntax-level facts of one Python file: imports (local name to qualified name), assignments, function
 * and class definitions and calls, with helpers to read call arguments and resolve names.
 */
public final class PythonFile {

    private static final int MAX_RESOLVE_DEPTH = 4;

    final String path;
    final PyNode root;
    final boolean clean;
    final Map<String, String> imports = new HashMap<>();
    final Map<String, PyNode> assignments = new LinkedHashMap<>();
    final Map<String, PyNode> functions = new LinkedHashMap<>();
    final List<PyNode> classes = new ArrayList<>();
    final List<PyNode> calls = new ArrayList<>();
    final Set<Framework> frameworks = EnumSet.noneOf(Framework.class);
    final List<String> importedModules = new ArrayList<>();
    private Map<String, PyNode> moduleAssignments;

    /**
     * Collects the facts of a parsed file.
     *
     * @param path the repo-relative path
     * @param root the module node
     * @param clean whether it parsed without syntax errors
     */
    public PythonFile(String path, PyNode root, boolean clean) {
        this.path = Objects.requireNonNull(path, "path");
        this.root = Objects.requireNonNull(root, "root");
        this.clean = clean;
        root.walk(this::visit);
    }

    private void visit(PyNode node) {
        switch (node.type()) {
            case "import_statement" -> {
                for (PyNode c : node.children()) {
                    if (c.is("dotted_name")) {
                        String name = c.text();
                        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                        imports.put(first, first);
                        module(name);
                    } else if (c.is("aliased_import")) {
                        PyNode n = c.child("name");
                        PyNode a = c.child("alias");
                        if (n != null && a != null) {
                            imports.put(a.text(), n.text());
                            module(n.text());
                        }
                    }
                }
            }
            case "import_from_statement" -> {
                PyNode module = node.child("module_name");
                String mod = module == null ? "" : module.text();
                module(mod);
                for (PyNode c : node.children()) {
                    if (c == module) {
                        continue;
                    }
                    if (c.is("dotted_name")) {
                        imports.put(c.text(), mod + "." + c.text());
                    } else if (c.is("aliased_import")) {
                        PyNode n = c.child("name");
                        PyNode a = c.child("alias");
                        if (n != null && a != null) {
                            imports.put(a.text(), mod + "." + n.text());
                        }
                    }
                }
            }
            case "assignment" -> {
                PyNode left = node.child("left");
                PyNode right = node.child("right");
                if (left != null && right != null && (left.is("identifier") || left.is("attribute"))) {
                    assignments.put(left.text(), right);
                }
            }
            case "as_pattern" -> {
                PyNode alias = node.child("alias");
                PyNode value = node.children().isEmpty() ? null : node.children().get(0);
                if (alias != null && value != null && value != alias) {
                    String name = alias.text().trim();
                    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        assignments.put(name, value);
                    }
                }
            }
            case "function_definition" -> {
                PyNode name = node.child("name");
                if (name != null) {
                    functions.put(name.text(), node);
                }
            }
            case "class_definition" -> classes.add(node);
            case "call" -> calls.add(node);
            default -> {
            }
        }
    }

    /**
     * Returns the assignments made at module level (outside every function and class body, including those
     * nested in a module-level {@code if}/{@code try}/{@code with}), last one wins; computed on first use.
     *
     * @return variable (or dotted target) to assigned value
     */
    Map<String, PyNode> moduleAssignments() {
        if (moduleAssignments == null) {
            Map<String, PyNode> out = new LinkedHashMap<>();
            assignmentsIn(root, false, out);
            moduleAssignments = out;
        }
        return moduleAssignments;
    }

    /**
     * Collects the assignments ({@code x = value}, {@code self.x = value}, {@code with value as x}) under a node,
     * in source order so the last one wins.
     *
     * @param scope the node to search
     * @param intoDefinitions whether to descend into nested function and class definitions
     * @param into the map to fill
     */
    static void assignmentsIn(PyNode scope, boolean intoDefinitions, Map<String, PyNode> into) {
        List<PyNode> stack = new ArrayList<>();
        for (int i = scope.children().size() - 1; i >= 0; i--) {
            stack.add(scope.children().get(i));
        }
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            if (!intoDefinitions && (node.is("function_definition") || node.is("class_definition")
                    || node.is("decorated_definition"))) {
                continue;
            }
            if (node.is("assignment")) {
                PyNode left = node.child("left");
                PyNode right = node.child("right");
                if (left != null && right != null && (left.is("identifier") || left.is("attribute"))) {
                    into.put(left.text(), right);
                }
            } else if (node.is("as_pattern")) {
                PyNode alias = node.child("alias");
                PyNode value = node.children().isEmpty() ? null : node.children().get(0);
                if (alias != null && value != null && value != alias) {
                    String name = alias.text().trim();
                    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        into.put(name, value);
                    }
                }
            }
            for (int i = node.children().size() - 1; i >= 0; i--) {
                stack.add(node.children().get(i));
            }
        }
    }

    private void module(String name) {
        if (name.isEmpty() || name.startsWith(".")) {
            return;
        }
        importedModules.add(name);
        Framework f = Frameworks.ofModule(name);
        if (f != null) {
            frameworks.add(f);
        }
    }

    /**
     * Returns the repo-relative path.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Tells whether the file parsed without syntax errors.
     *
     * @return true when clean
     */
    public boolean clean() {
        return clean;
    }

    /**
     * Resolves a dotted name through the file's imports: {@code Agent} imported from {@code crewai} becomes
     * {@code crewai.Agent}; unknown names are returned unchanged.
     *
     * @param dotted the dotted name
     * @return the qualified name
     */
    public String qualify(String dotted) {
        String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        String q = imports.get(first);
        if (q == null) {
            return dotted;
        }
        return q + dotted.substring(first.length());
    }

    /**
     * Returns the qualified name of a call's callee, or null when the callee is not a (dotted) name. A
     * subscripted callee ({@code Agent[Context](...)}, a generic alias) is its subscripted name.
     *
     * @param call a call node
     * @return the qualified name or null
     */
    public String callee(PyNode call) {
        PyNode f = call.child("function");
        if (f != null && f.is("subscript")) {
            // a generic alias called like its class: Agent[Context](...) constructs an Agent
            f = f.child("value");
        }
        if (f == null || !(f.is("identifier") || f.is("attribute"))) {
            return null;
        }
        return qualify(f.text().replaceAll("\\s+", ""));
    }

    /**
     * Returns the last segment of a dotted name.
     *
     * @param dotted the name
     * @return the last segment
     */
    public static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /**
     * Returns the value of a keyword argument of a call, or null.
     *
     * @param call the call
     * @param name the keyword
     * @return the value node or null
     */
    public static PyNode kwarg(PyNode call, String name) {
        PyNode args = call.child("arguments");
        if (args == null) {
            return null;
        }
        for (PyNode a : args.children()) {
            if (a.is("keyword_argument")) {
                PyNode n = a.child("name");
                if (n != null && n.text().equals(name)) {
                    return a.child("value");
                }
            }
        }
        return null;
    }

    /**
     * Returns the positional argument at an index, or null.
     *
     * @param call the call
     * @param index 0-based
     * @return the argument node or null
     */
    public static PyNode positional(PyNode call, int index) {
        PyNode args = call.child("arguments");
        if (args == null) {
            return null;
        }
        int i = 0;
        for (PyNode a : args.children()) {
            if (a.is("keyword_argument") || a.is("comment") || a.is("dictionary_splat") || a.is("list_splat")) {
                continue;
            }
            if (i++ == index) {
                return a;
            }
        }
        return null;
    }

    /**
     * Returns a keyword argument, else the positional argument at an index.
     *
     * @param call the call
     * @param name the keyword
     * @param index the positional index
     * @return the node or null
     */
    public static PyNode arg(PyNode call, String name, int index) {
        PyNode v = kwarg(call, name);
        return v != null ? v : positional(call, index);
    }

    /**
     * Follows identifiers (and {@code self.x} attributes) to their assigned values, a few steps deep.
     *
     * @param expr an expression
     * @return the value expression, or the input when it is not a known name
     */
    public PyNode resolve(PyNode expr) {
        PyNode cur = expr;
        for (int i = 0; i < MAX_RESOLVE_DEPTH && cur != null && (cur.is("identifier") || cur.is("attribute")); i++) {
            PyNode next = assignments.get(cur.text());
            if (next == null || next == cur) {
                break;
            }
            cur = next;
        }
        return cur;
    }

    /**
     * Returns the name a call's result is assigned to ({@code x = Call(...)}), or null.
     *
     * @param call the call
     * @return the variable name or null
     */
    public static String assignedName(PyNode call) {
        PyNode p = call.parent();
        if (p != null && p.is("as_pattern") && p.child("alias") != null && call != p.child("alias")) {
            String t = p.child("alias").text().trim();
            return t.matches("[A-Za-z_][A-Za-z0-9_]*") ? t : null;
        }
        if (p != null && p.is("assignment") && "right".equals(call.field())) {
            PyNode left = p.child("left");
            if (left != null && (left.is("identifier") || left.is("attribute"))) {
                String t = left.text();
                return t.startsWith("self.") ? t.substring(5) : t;
            }
        }
        return null;
    }

    /**
     * Returns the innermost function definition around a node, or null.
     *
     * @param node the node
     * @return the function definition or null
     */
    public static PyNode enclosingFunction(PyNode node) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            if (p.is("function_definition")) {
                return p;
            }
        }
        return null;
    }

    /**
     * Returns the innermost class definition around a node, or null.
     *
     * @param node the node
     * @return the class definition or null
     */
    public static PyNode enclosingClass(PyNode node) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            if (p.is("class_definition")) {
                return p;
            }
        }
        return null;
    }

    /**
     * Returns the qualified names of the decorators of a function or class definition.
     *
     * @param definition a function or class definition
     * @return the decorator names, innermost last
     */
    public List<String> decorators(PyNode definition) {
        List<String> out = new ArrayList<>();
        PyNode p = definition.parent();
        if (p == null || !p.is("decorated_definition")) {
            return out;
        }
        for (PyNode d : p.children()) {
            if (!d.is("decorator") || d.children().isEmpty()) {
                continue;
            }
            PyNode e = d.children().get(0);
            if (e.is("call")) {
                e = e.child("function");
            }
            if (e != null && (e.is("identifier") || e.is("attribute"))) {
                out.add(qualify(e.text()));
            }
        }
        return out;
    }

    /**
     * Returns the decorator nodes (the expression after {@code @}) of a definition.
     *
     * @param definition a function or class definition
     * @return the decorator expressions
     */
    public static List<PyNode> decoratorNodes(PyNode definition) {
        List<PyNode> out = new ArrayList<>();
        PyNode p = definition.parent();
        if (p != null && p.is("decorated_definition")) {
            for (PyNode d : p.children()) {
                if (d.is("decorator") && !d.children().isEmpty()) {
                    out.add(d.children().get(0));
                }
            }
        }
        return out;
    }

    /**
     * Returns the name of a function or class definition.
     *
     * @param definition the definition
     * @return the name, or "" when missing
     */
    public static String nameOf(PyNode definition) {
        PyNode n = definition.child("name");
        return n == null ? "" : n.text();
    }

    /**
     * Returns the elements of a list or tuple expression, or the expression itself when it is neither.
     *
     * @param expr an expression
     * @return the elements
     */
    public List<PyNode> elements(PyNode expr) {
        List<PyNode> out = new ArrayList<>();
        if (expr == null) {
            return out;
        }
        PyNode v = resolve(expr);
        if (v.is("list") || v.is("tuple") || v.is("set")) {
            for (PyNode c : v.children()) {
                if (c.is("list_splat")) {
                    PyNode inner = c.children().isEmpty() ? null : c.children().get(0);
                    if (inner != null) {
                        out.addAll(elements(inner));
                    }
                } else if (!c.is("comment")) {
                    out.add(c);
                }
            }
        } else if (v.is("binary_operator")) {
            out.addAll(elements(v.child("left")));
            out.addAll(elements(v.child("right")));
        } else {
            out.add(v);
        }
        return out;
    }

    /**
     * Returns the string value of an expression (a literal, or a name assigned a literal), or null.
     *
     * @param expr the expression
     * @return the string or null
     */
    public String string(PyNode expr) {
        if (expr == null) {
            return null;
        }
        PyNode v = resolve(expr);
        return v == null ? null : v.stringValue();
    }
}
