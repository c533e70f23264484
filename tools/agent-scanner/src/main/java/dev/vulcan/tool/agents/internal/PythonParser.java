package dev.vulcan.tool.agents.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
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

    /**
     * Creates a parser, loading the native tree-sitter libraries on first use.
     *
     * @throws UnsatisfiedLinkError if the native libraries cannot be loaded on this platform
     */
    public PythonParser() {
        parser = new TSParser();
        if (!parser.setLanguage(new TreeSitterPython())) {
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
        PyNode module = new PyNode(root.getType(), null, root.getStartByte(), root.getEndByte(),
                root.getStartPoint().getRow() + 1, utf8);
        Deque<TSNode> ts = new ArrayDeque<>();
        Deque<PyNode> py = new ArrayDeque<>();
        ts.push(root);
        py.push(module);
        int count = 1;
        int firstError = 0;
        boolean truncated = false;
        while (!ts.isEmpty()) {
            TSNode node = ts.pop();
            PyNode copy = py.pop();
            int n = node.getChildCount();
            for (int i = 0; i < n; i++) {
                TSNode c = node.getChild(i);
                boolean error = c.isError() || c.isMissing();
                if (error) {
                    int line = c.getStartPoint().getRow() + 1;
                    firstError = firstError == 0 ? line : Math.min(firstError, line);
                }
                if (!c.isNamed()) {
                    continue;
                }
                if (count >= MAX_NODES) {
                    truncated = true;
                    break;
                }
                PyNode child = new PyNode(c.getType(), node.getFieldNameForChild(i), c.getStartByte(), c.getEndByte(),
                        c.getStartPoint().getRow() + 1, utf8);
                copy.add(child);
                count++;
                if (c.getChildCount() > 0) {
                    ts.push(c);
                    py.push(child);
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
