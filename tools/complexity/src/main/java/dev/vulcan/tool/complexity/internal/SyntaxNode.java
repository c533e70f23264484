package dev.vulcan.tool.complexity.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a parse tree copied out of tree-sitter's native memory, so the native tree can be released right
 * after parsing and the analysis runs on plain Java objects. Lines are 1-based.
 */
public final class SyntaxNode {
    private final String type;
    private final boolean named;
    private final String field;
    private final int startByte;
    private int endByte = -1;
    private final int startLine;
    private int endLine;
    private final SyntaxNode parent;
    private List<SyntaxNode> children = List.of();

    SyntaxNode(String type, boolean named, String field, int startByte, int startLine, SyntaxNode parent) {
        this.type = type;
        this.named = named;
        this.field = field;
        this.startByte = startByte;
        this.startLine = startLine;
        this.endLine = startLine;
        this.parent = parent;
        if (parent != null) {
            if (parent.children.isEmpty()) {
                parent.children = new ArrayList<>(4);
            }
            parent.children.add(this);
        }
    }

    /**
     * Returns the grammar type, such as {@code if_statement}, or the token text of an anonymous node.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    boolean named() {
        return named;
    }

    String field() {
        return field;
    }

    int startByte() {
        return startByte;
    }

    int endByte() {
        return endByte;
    }

    /**
     * Returns the first line of the node, 1-based.
     *
     * @return the start line
     */
    public int startLine() {
        return startLine;
    }

    /**
     * Returns the last line of the node, 1-based.
     *
     * @return the end line
     */
    public int endLine() {
        return endLine;
    }

    SyntaxNode parent() {
        return parent;
    }

    List<SyntaxNode> children() {
        return children;
    }

    void setEnd(int end, int line) {
        this.endByte = end;
        this.endLine = line;
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    /** Returns the first child with the given field name, or null. */
    SyntaxNode child(String fieldName) {
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    /** Returns the children with the given field name. */
    List<SyntaxNode> childrenOf(String fieldName) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Returns the first child of the given type, or null. */
    SyntaxNode childOfType(String childType) {
        for (SyntaxNode c : children) {
            if (childType.equals(c.type)) {
                return c;
            }
        }
        return null;
    }

    /** Returns the named children. */
    List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>(children.size());
        for (SyntaxNode c : children) {
            if (c.named) {
                out.add(c);
            }
        }
        return out;
    }

    /** Returns whether an anonymous child token of this type exists. */
    boolean hasToken(String token) {
        for (SyntaxNode c : children) {
            if (!c.named && token.equals(c.type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return type + "@" + startLine;
    }
}
