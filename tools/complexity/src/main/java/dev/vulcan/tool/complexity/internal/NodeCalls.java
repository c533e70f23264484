package dev.vulcan.tool.complexity.internal;

import org.treesitter.TSNode;
import org.treesitter.TSParser;

/**
 * Direct calls to the binding's protected native functions for nodes that are known not to be null (nodes
 * returned by a tree cursor). The public {@code TSNode} getters first make a second JNI call to check for a
 * null node; skipping it saves one native call per copied node. Never instantiated.
 */
final class NodeCalls extends TSParser {

    private NodeCalls() {
        throw new AssertionError("not instantiable");
    }

    static int symbol(TSNode node) {
        return ts_node_symbol(node);
    }

    static int endByte(TSNode node) {
        return ts_node_end_byte(node);
    }
}
