package dev.vulcan.tool.complexity.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import org.treesitter.TSNode;

/**
 * Reads a leaf's grammar symbol and size straight from tree-sitter's inline subtree representation, saving the
 * binding's {@code ts_node_symbol} and {@code ts_node_end_byte} JNI calls (about half a microsecond each, a third
 * of the cost of copying a tree).
 *
 * <p>A {@code TSNode}'s {@code id} points to the 8-byte {@code Subtree} slot of the node inside its live tree.
 * tree-sitter stores small leaves inline in that slot (lib/src/subtree.h, {@code SubtreeInlineData}, little-endian
 * layout): bit 0 of byte 0 is {@code is_inline} (always 0 for the aligned pointer of a heap subtree), byte 1 the
 * grammar symbol, byte 7 the size in bytes. Only the slot itself is read, never the heap pointer, so a reading is
 * always of valid memory while the tree is alive. The symbol is tree-sitter's internal one; the node's alias
 * ({@code context[3]}, mirrored by the binding) takes precedence, exactly as in {@code ts_node_symbol}.
 *
 * <p>Safety net: the reading is enabled only on a little-endian 64-bit JVM where {@code sun.misc.Unsafe} and the
 * binding's private fields are reachable, and the first {@value #CHECKS} inline leaves of the process are checked
 * against the JNI answers before any decoded value is used; one disagreement disables the reading for the rest of
 * the process (the copy then asks JNI for everything, as before).
 */
final class InlineSubtrees {
    /** How many inline leaves are cross-checked with JNI before the decoded values are trusted. */
    static final int CHECKS = 2000;
    /** Added to an alias symbol so aliases and internal symbols never share a cache key. */
    static final int ALIAS_KEY = 1 << 20;

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final VarHandle ID = field("idPtr", long.class);
    private static final VarHandle ALIAS = field("context3", int.class);
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static volatile boolean enabled = UNSAFE != null && ID != null && ALIAS != null
            && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && UNSAFE.addressSize() == 8;

    private InlineSubtrees() {
    }

    /** Whether inline readings may be used at all (platform support, and no disagreement seen). */
    static boolean enabled() {
        return enabled;
    }

    /** Whether every decoded value so far agreed with JNI and enough were checked to trust the decoding. */
    static boolean trusted() {
        return enabled && CHECKED.get() >= CHECKS;
    }

    /**
     * Returns the node's 8-byte subtree slot, or 0 when the node is not stored inline (or reading is disabled).
     *
     * @param node a node of a live tree, obtained from a cursor
     * @return the inline data, or 0
     */
    static long inlineData(TSNode node) {
        if (!enabled) {
            return 0;
        }
        long id = (long) ID.get(node);
        if (id == 0) {
            return 0;
        }
        long data = UNSAFE.getLong(id);
        return (data & 1L) != 0 ? data : 0;
    }

    /** The cache key of an inline node's type: its alias when it has one, else its internal symbol. */
    static int symbolKey(TSNode node, long inlineData) {
        int alias = (int) ALIAS.get(node);
        return alias != 0 ? ALIAS_KEY + alias : (int) ((inlineData >>> 8) & 0xff);
    }

    /** The size in bytes of an inline leaf. */
    static int sizeBytes(long inlineData) {
        return (int) ((inlineData >>> 56) & 0xff);
    }

    /**
     * Records one cross-check of a decoded value against JNI; a disagreement disables the inline reading.
     *
     * @param agrees whether the decoded value equals the JNI answer
     * @return {@code agrees}
     */
    static boolean check(boolean agrees) {
        if (!agrees) {
            enabled = false;
        } else {
            CHECKED.incrementAndGet();
        }
        return agrees;
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static VarHandle field(String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup()).findVarHandle(TSNode.class,
                    name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
