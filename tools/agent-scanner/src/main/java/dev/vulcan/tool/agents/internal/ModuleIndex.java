package dev.vulcan.tool.agents.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The repository's parsed Python files by dotted module name, to follow a name one file imports from another
 * file of the same repository ({@code from app.tools import TOOLS}, {@code from .nodes import call_model}) to
 * its definition there. A file is known under every dotted suffix of its path ({@code src/app/tools.py} is
 * {@code src.app.tools}, {@code app.tools} and {@code tools}; a package's {@code __init__.py} is the package), so
 * source roots such as {@code src/} need no configuration. Re-exports (a package {@code __init__} importing the
 * name from a submodule) are followed a few steps deep. Names are never evaluated: a definition is a module's
 * function or class definition, or the value of its (last) assignment to the name.
 */
public final class ModuleIndex {

    private static final int MAX_REEXPORT_DEPTH = 4;

    /** An index over no files: every lookup misses. */
    public static final ModuleIndex EMPTY = new ModuleIndex(List.of());

    /**
     * A definition found in another file: the file and the node (a {@code function_definition}, a
     * {@code class_definition} or an assigned value expression).
     *
     * @param file the file holding the definition
     * @param node the definition node
     */
    public record Target(PythonFile file, PyNode node) {
        /** Checks the components. */
        public Target {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(node, "node");
        }

        /**
         * Tells whether the definition is a function.
         *
         * @return true for a function definition
         */
        public boolean isFunction() {
            return node.is("function_definition");
        }
    }

    private final Map<String, List<PythonFile>> byModule = new HashMap<>();
    private final Map<PythonFile, String> packageOf = new HashMap<>();

    private ModuleIndex(List<PythonFile> files) {
        for (PythonFile f : files) {
            String p = f.path;
            if (!p.endsWith(".py")) {
                continue;
            }
            String dotted = p.substring(0, p.length() - 3).replace('/', '.');
            boolean init = dotted.equals("__init__") || dotted.endsWith(".__init__");
            if (init) {
                dotted = dotted.equals("__init__") ? "" : dotted.substring(0, dotted.length() - ".__init__".length());
            }
            packageOf.put(f, init ? dotted : dotted.contains(".") ? dotted.substring(0, dotted.lastIndexOf('.')) : "");
            if (dotted.isEmpty()) {
                continue;
            }
            String suffix = dotted;
            while (true) {
                byModule.computeIfAbsent(suffix, k -> new ArrayList<>()).add(f);
                int dot = suffix.indexOf('.');
                if (dot < 0) {
                    break;
                }
                suffix = suffix.substring(dot + 1);
            }
        }
    }

    /**
     * Indexes files.
     *
     * @param files the parsed Python files of the repository
     * @return the index
     * @throws NullPointerException if files is null
     */
    public static ModuleIndex of(List<PythonFile> files) {
        return new ModuleIndex(Objects.requireNonNull(files, "files"));
    }

    /**
     * Follows a name a file imports ({@code from m import name}, {@code from .m import name as alias}) to its
     * definition in another file of the repository.
     *
     * @param from the importing file
     * @param localName the name as used in that file
     * @return the definition, or null when the name is not imported or not defined in the repository
     */
    public Target imported(PythonFile from, String localName) {
        String qualified = from.imports.get(localName);
        if (qualified == null || qualified.equals(localName)) {
            return null;
        }
        return lookup(from, qualified, 0);
    }

    /**
     * Looks a qualified name ({@code package.module.name}, possibly relative to the file's package) up.
     *
     * @param from the file the name was qualified in
     * @param qualified the qualified name
     * @return the definition, or null when the repository does not define it
     */
    public Target qualified(PythonFile from, String qualified) {
        return lookup(from, qualified, 0);
    }

    private Target lookup(PythonFile from, String qualified, int depth) {
        String absolute = absolute(from, qualified);
        int dot = absolute == null ? -1 : absolute.lastIndexOf('.');
        if (dot <= 0 || dot == absolute.length() - 1) {
            return null;
        }
        String module = absolute.substring(0, dot);
        String name = absolute.substring(dot + 1);
        List<PythonFile> candidates = closestFirst(from, byModule.getOrDefault(module, List.of()));
        for (PythonFile m : candidates) {
            if (m == from && depth == 0) {
                continue;
            }
            PyNode fn = m.functions.get(name);
            if (fn != null) {
                return new Target(m, fn);
            }
            for (PyNode cls : m.classes) {
                if (PythonFile.nameOf(cls).equals(name)) {
                    return new Target(m, cls);
                }
            }
            PyNode value = m.assignments.get(name);
            if (value != null) {
                return new Target(m, value);
            }
        }
        if (depth < MAX_REEXPORT_DEPTH) {
            for (PythonFile m : candidates) {
                String next = m.imports.get(name);
                if (next != null && !next.equals(name)) {
                    Target t = lookup(m, next, depth + 1);
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Orders the files known under one module name (several {@code tools.py} in a monorepo) by how many leading
     * directories they share with the importing file, closest first; ties keep path order.
     */
    private static List<PythonFile> closestFirst(PythonFile from, List<PythonFile> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        List<PythonFile> sorted = new ArrayList<>(candidates);
        sorted.sort(java.util.Comparator.comparingInt((PythonFile c) -> -sharedDirectories(from.path, c.path)));
        return sorted;
    }

    private static int sharedDirectories(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int n = 0;
        while (n < x.length - 1 && n < y.length - 1 && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }

    /** Turns {@code .mod.name} / {@code ..mod.name} into an absolute dotted name using the file's package. */
    private String absolute(PythonFile from, String qualified) {
        if (!qualified.startsWith(".")) {
            return qualified;
        }
        int dots = 0;
        while (dots < qualified.length() && qualified.charAt(dots) == '.') {
            dots++;
        }
        String pkg = packageOf.getOrDefault(from, "");
        for (int i = 1; i < dots; i++) {
            if (pkg.isEmpty()) {
                return null;
            }
            pkg = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "";
        }
        String rest = qualified.substring(dots);
        return pkg.isEmpty() ? rest : pkg + "." + rest;
    }
}
