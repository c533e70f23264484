package dev.vulcan.tool.agents.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * Parses Python source with the tree-sitter Python grammar (through the {@code io.github.bonede} JNI bindings)
 * and copies the named nodes into a {@link PyNode} tree. Not thread-safe: use one instance per thread.
 */
public final class PythonParser {

    /** The most syntax nodes copied out of one file; larger trees are truncated and count as a parser error. */
    public static final int MAX_NODES = 400_000;
    private static final long TIMEOUT_MICROS = 5_000_000L;

    private final TSParser parser;
    private final TreeSitterPython language = new TreeSitterPython();
    /** Grammar type names by symbol id, filled on first sight (one JNI string per symbol, not per node). */
    private final java.util.Map<Integer, String> typeBySymbol = new java.util.HashMap<>();
    /** Whether a symbol is named, by symbol id, filled on first sight. */
    private final java.util.Map<Integer, Boolean> namedBySymbol = new java.util.HashMap<>();
    /** Field names by field id (0 = no field), filled on first sight. */
    private final java.util.Map<Integer, String> fieldById = new java.util.HashMap<>();

    /**
     * Creates a parser, loading the native tree-sitter libraries on first use.
     *
     * @throws UnsatisfiedLinkError if the native libraries cannot be loaded on this platform
     */
    public PythonParser() {
        parser = new TSParser();
        if (!parser.setLanguage(language)) {
            throw new IllegalStateException("the tree-sitter Python grammar is incompatible with the runtime");
        }
        parser.setTimeoutMicros(TIMEOUT_MICROS);
    }

    /**
     * The outcome of parsing one file.
     *
     * @param root the module node (present even when the source has errors)
     * @param clean true when tree-sitter reported no syntax error and the tree was complete
     * @param firstErrorLine the 1-based line of the first syntax error, or 0 when clean
     */
    public record Parsed(PyNode root, boolean clean, int firstErrorLine) {
    }

    /**
     * Parses UTF-8 Python source and only reports whether it parsed cleanly, without copying the tree (for files
     * with nothing the scanner looks for).
     *
     * @param utf8 the source bytes (valid UTF-8)
     * @return the 1-based line of the first error (1 when unknown), 0 when clean, or -1 when the parser gave up
     */
    public int check(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        parser.reset();
        TSTree tree = parser.parseString(null, new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        if (tree == null) {
            return -1;
        }
        return tree.getRootNode().hasError() ? firstErrorLine(tree.getRootNode()) : 0;
    }

    private String field(TSTreeCursor cursor) {
        int id = cursor.currentFieldId();
        if (id == 0) {
            return null;
        }
        String name = fieldById.get(id);
        if (name == null) {
            name = language.fieldNameForId(id);
            fieldById.put(id, name);
        }
        return name;
    }

    /** The byte offsets where each line starts (line 1 at index 0). */
    private static int[] lineStarts(byte[] utf8) {
        int lines = 1;
        for (byte b : utf8) {
            if (b == '\n') {
                lines++;
            }
        }
        int[] starts = new int[lines];
        int l = 1;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\n') {
                starts[l++] = i + 1;
            }
        }
        return starts;
    }

    /** The 1-based line holding a byte offset, as tree-sitter counts rows (after each '\n'). */
    private static int line(int[] lineStarts, int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int firstErrorLine(TSNode root) {
        TSNode node = root;
        while (true) {
            TSNode next = null;
            int n = node.getChildCount();
            for (int i = 0; i < n; i++) {
                TSNode c = node.getChild(i);
                if (c.isError() || c.isMissing()) {
                    return c.getStartPoint().getRow() + 1;
                }
                if (next == null && c.hasError()) {
                    next = c;
                }
            }
            if (next == null) {
                return node.getStartPoint().getRow() + 1;
            }
            node = next;
        }
    }

    /**
     * Parses UTF-8 Python source.
     *
     * @param utf8 the source bytes (valid UTF-8)
     * @return the parse outcome, or null when the parser gave up (timeout)
     */
    public Parsed parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        String source = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        parser.reset();
        TSTree tree = parser.parseString(null, source);
        if (tree == null) {
            return null;
        }
        TSNode root = tree.getRootNode();
        int[] lineStarts = lineStarts(utf8);
        boolean anyError = root.hasError();
        PyNode module = new PyNode(root.getType(), null, root.getStartByte(), root.getEndByte(),
                line(lineStarts, root.getStartByte()), utf8);
        Deque<PyNode> parents = new ArrayDeque<>();
        Deque<Boolean> parentHasError = new ArrayDeque<>();
        parents.push(module);
        parentHasError.push(anyError);
        TSTreeCursor cursor = new TSTreeCursor(root);
        int count = 1;
        int firstError = 0;
        boolean truncated = false;
        boolean more = cursor.gotoFirstChild();
        // Per node only the calls that cannot be cached cross JNI: the node, its symbol and, for named nodes, its
        // byte range and field id (without the getters' extra null check, see TreeSitterNodes); type names,
        // named-ness and field names are cached by id, lines come from a line table, and error flags are only
        // read inside subtrees that have an error.
        while (more) {
            TSNode c = cursor.currentNode();
            int symbol = TreeSitterNodes.symbol(c);
            if (parentHasError.peek() && (c.isError() || c.isMissing())) {
                int line = c.getStartPoint().getRow() + 1;
                firstError = firstError == 0 ? line : Math.min(firstError, line);
            }
            Boolean named = namedBySymbol.get(symbol);
            if (named == null) {
                named = c.isNamed();
                namedBySymbol.put(symbol, named);
            }
            if (named) {
                if (count >= MAX_NODES) {
                    truncated = true;
                } else {
                    String type = typeBySymbol.get(symbol);
                    if (type == null) {
                        type = c.getType();
                        typeBySymbol.put(symbol, type);
                    }
                    int start = TreeSitterNodes.startByte(c);
                    PyNode child = new PyNode(type, field(cursor), start, TreeSitterNodes.endByte(c),
                            line(lineStarts, start), utf8);
                    parents.peek().add(child);
                    count++;
                    if (cursor.gotoFirstChild()) {
                        parents.push(child);
                        parentHasError.push(anyError && c.hasError());
                        continue;
                    }
                }
            }
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent()) {
                    more = false;
                    break;
                }
                parents.pop();
                parentHasError.pop();
                if (parents.isEmpty()) {
                    more = false;
                    break;
                }
            }
        }
        boolean clean = !root.hasError() && !truncated;
        if (!clean && firstError == 0) {
            firstError = 1;
        }
        return new Parsed(module, clean, clean ? 0 : firstError);
    }
}
