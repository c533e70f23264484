package dev.vulcan.tool.agents.internal;

import org.treesitter.TSNode;
import org.treesitter.TSParser;

/**
 * Reads node facts through the bindings' static natives, which {@link TSParser} exposes to subclasses. The public
 * {@link TSNode} getters first make a second native call to assert the node is not null; for the nodes of a tree
 * cursor (never null) that doubles the JNI cost of copying a tree. Never instantiated: only the static
 * accessors are used.
 */
final class TreeSitterNodes extends TSParser {

    private TreeSitterNodes() {
        throw new AssertionError("static accessors only");
    }

    /**
     * Returns the symbol of a non-null node.
     *
     * @param node a node of a tree cursor
     * @return the (alias-aware) symbol id
     */
    static int symbol(TSNode node) {
        return ts_node_symbol(node);
    }

    /**
     * Returns the start byte of a non-null node.
     *
     * @param node a node of a tree cursor
     * @return the start byte
     */
    static int startByte(TSNode node) {
        return ts_node_start_byte(node);
    }

    /**
     * Returns the end byte of a non-null node.
     *
     * @param node a node of a tree cursor
     * @return the end byte
     */
    static int endByte(TSNode node) {
        return ts_node_end_byte(node);
    }
}
