package dev.vulcan.tool.agents.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One node of a Python syntax tree, copied out of tree-sitter into plain Java objects so the analysis never
 * touches native memory after parsing. Nodes are immutable once the tree is built.
 */
public final class PyNode {

    private final String type;
    private final String field;
    private final int startByte;
    private final int endByte;
    private final int line;
    private final byte[] source;
    private final List<PyNode> children = new ArrayList<>();
    private PyNode parent;

    PyNode(String type, String field, int startByte, int endByte, int line, byte[] source) {
        this.type = Objects.requireNonNull(type, "type");
        this.field = field;
        this.startByte = startByte;
        this.endByte = endByte;
        this.line = line;
        this.source = source;
    }

    void add(PyNode child) {
        child.parent = this;
        children.add(child);
    }

    /**
     * Returns the grammar type, such as {@code call} or {@code identifier}.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    /**
     * Returns the field name this node has in its parent, or null.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns the 1-based line where the node starts.
     *
     * @return the line
     */
    public int line() {
        return line;
    }

    /**
     * Returns the parent, or null for the module.
     *
     * @return the parent
     */
    public PyNode parent() {
        return parent;
    }

    /**
     * Returns the named children, in source order.
     *
     * @return an unmodifiable list
     */
    public List<PyNode> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * Returns the first child with a field name, or null.
     *
     * @param name the field name
     * @return the child or null
     */
    public PyNode child(String name) {
        for (PyNode c : children) {
            if (name.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Returns the source text of the node.
     *
     * @return the text
     */
    public String text() {
        return new String(source, startByte, endByte - startByte, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether the node is of a type.
     *
     * @param candidate the type
     * @return true when equal
     */
    public boolean is(String candidate) {
        return type.equals(candidate);
    }

    /**
     * Visits this node and all its descendants in source order, without recursion.
     *
     * @param visitor the visitor
     */
    public void walk(Consumer<PyNode> visitor) {
        List<PyNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            visitor.accept(node);
            for (int i = node.children.size() - 1; i >= 0; i--) {
                stack.add(node.children.get(i));
            }
        }
    }

    /**
     * Returns the value of a string literal node without its quotes and prefix, or null when the node is not a
     * plain string (an f-string with interpolation or a concatenation).
     *
     * @return the literal value or null
     */
    public String stringValue() {
        if (!is("string")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (PyNode c : children) {
            if (c.is("interpolation")) {
                return null;
            }
            if (c.is("string_content") || c.is("escape_sequence")) {
                out.append(c.text());
            }
        }
        return out.toString();
    }
}
