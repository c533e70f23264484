package dev.vulcan.tool.complexity.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * A parsed source file: its bytes, its line table and a Java copy of the tree-sitter parse tree.
 *
 * <p>The native tree-sitter tree lives only inside {@link #parse}: it is walked once with a cursor, copied into
 * {@link SyntaxNode}s and dropped. The bonede binding offers no explicit delete; the native tree and cursor are
 * freed by the binding's {@code Cleaner} once unreachable, which happens right after this method returns.
 *
 * <p>Speed: every JNI call that takes a {@code TSNode} costs about a microsecond in this binding, so the copy
 * avoids them where the answer is known. A node's start byte is tree-sitter's {@code context[0]}, which the
 * binding mirrors in the Java object (read through a {@link VarHandle}; the JNI call is used when the field is
 * absent). Small leaves are stored inline by tree-sitter, and their symbol and size are read from that inline
 * data ({@link InlineSubtrees}, cross-checked with JNI before it is trusted). Other end bytes are asked from
 * tree-sitter for named leaves only: an anonymous leaf is a literal token of
 * the grammar, so it ends at its start plus the length of its type; an inner node ends where its last child
 * ends (the root, which also spans trailing whitespace, asks tree-sitter), so an inner node may end before a
 * hidden trailing token such as Go's terminating newline, which never changes its lines. Trees with syntax
 * errors are copied with exact JNI calls for every node; a test checks both copies agree on every node's
 * type, field, start, lines and on every token's end.
 */
public final class SyntaxTree {
    private static final String ERROR = "ERROR";
    private static final Map<TSLanguage, Map<Integer, Symbol>> SYMBOLS = new ConcurrentHashMap<>();
    private static final Map<TSLanguage, Map<Integer, Symbol>> INLINE_SYMBOLS = new ConcurrentHashMap<>();
    private static final Map<TSLanguage, String[]> FIELD_NAMES = new ConcurrentHashMap<>();
    private static final VarHandle START_BYTE = startByteHandle();

    private final byte[] source;
    private final SyntaxNode root;
    private final int errorNodes;
    private final int firstErrorLine;

    private SyntaxTree(byte[] source, SyntaxNode root, int errorNodes, int firstErrorLine) {
        this.source = source;
        this.root = root;
        this.errorNodes = errorNodes;
        this.firstErrorLine = firstErrorLine;
    }

    /** What a grammar symbol always is: its type, whether it is named, its token length when anonymous. */
    private record Symbol(String type, boolean named, int tokenBytes) {
    }

    private static VarHandle startByteHandle() {
        try {
            return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
                    .findVarHandle(TSNode.class, "context0", int.class);
        } catch (ReflectiveOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Parses UTF-8 source bytes.
     *
     * @param parser a parser owned by the calling thread, already set to the language
     * @param language the parser's language
     * @param source the file content
     * @param timeoutMicros the parse time limit, 0 for none
     * @return the tree, or null when the parse hit the time limit
     * @throws NullPointerException if an argument is null
     */
    public static SyntaxTree parse(TSParser parser, TSLanguage language, byte[] source, long timeoutMicros) {
        return parse(parser, language, source, timeoutMicros, false);
    }

    /** Parses, copying every node with exact JNI calls when {@code forceExact} (tests compare both copies). */
    static SyntaxTree parse(TSParser parser, TSLanguage language, byte[] source, long timeoutMicros,
            boolean forceExact) {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(source, "source");
        parser.reset();
        parser.setTimeoutMicros(timeoutMicros);
        TSTree tree = parser.parse(new byte[Math.max(1, Math.min(source.length, 65536))], null,
                (buffer, offset, point) -> {
                    if (offset >= source.length) {
                        return 0;
                    }
                    int n = Math.min(buffer.length, source.length - offset);
                    System.arraycopy(source, offset, buffer, 0, n);
                    return n;
                }, TSInputEncoding.TSInputEncodingUTF8);
        if (tree == null) {
            return null;
        }
        int[] lineStarts = lineStarts(source);
        TSNode tsRoot = tree.getRootNode();
        boolean exact = forceExact || tsRoot.hasError() || START_BYTE == null;
        Copier copier = new Copier(language, lineStarts, exact);
        SyntaxNode root = copier.copyAll(tsRoot);
        if (!exact) {
            copier.setEnd(root, tsRoot.getEndByte());
        }
        return new SyntaxTree(source, root, copier.errors,
                copier.errors == 0 ? 0 : copier.firstErrorLine);
    }

    /** One copy of a native tree into Java nodes. */
    private static final class Copier {
        private final TSLanguage language;
        private final int[] lineStarts;
        private final boolean exact;
        private final Map<Integer, Symbol> symbols;
        private final Map<Integer, Symbol> inlineSymbols;
        private final List<SyntaxNode> preorder = new ArrayList<>();
        private final List<SyntaxNode> namedNodes = new ArrayList<>();
        private final List<TSNode> namedTsNodes = new ArrayList<>();
        int errors;
        int firstErrorLine = Integer.MAX_VALUE;

        Copier(TSLanguage language, int[] lineStarts, boolean exact) {
            this.language = language;
            this.lineStarts = lineStarts;
            this.exact = exact;
            this.symbols = SYMBOLS.computeIfAbsent(language, k -> new ConcurrentHashMap<>());
            this.inlineSymbols = INLINE_SYMBOLS.computeIfAbsent(language, k -> new ConcurrentHashMap<>());
        }

        SyntaxNode copyAll(TSNode tsRoot) {
            TSTreeCursor cursor = new TSTreeCursor(tsRoot);
            SyntaxNode root = copy(cursor, null, null);
            SyntaxNode current = root;
            outer:
            while (true) {
                if (cursor.gotoFirstChild()) {
                    current = copy(cursor, current, fieldName(cursor.currentFieldId()));
                    continue;
                }
                while (true) {
                    if (cursor.gotoNextSibling()) {
                        current = copy(cursor, current.parent(), fieldName(cursor.currentFieldId()));
                        continue outer;
                    }
                    if (!cursor.gotoParent()) {
                        break outer;
                    }
                    current = current.parent();
                }
            }
            for (int i = 0; i < namedNodes.size(); i++) {
                SyntaxNode n = namedNodes.get(i);
                if (n.isLeaf()) {
                    setEnd(n, NodeCalls.endByte(namedTsNodes.get(i)));
                }
            }
            for (int i = preorder.size() - 1; i >= 0; i--) {
                SyntaxNode n = preorder.get(i);
                if (!n.isLeaf()) {
                    SyntaxNode last = n.children().get(n.children().size() - 1);
                    setEnd(n, Math.max(n.startByte(), last.endByte()));
                }
            }
            return root;
        }

        private SyntaxNode copy(TSTreeCursor cursor, SyntaxNode parent, String field) {
            TSNode node = cursor.currentNode();
            long inline = exact ? 0 : InlineSubtrees.inlineData(node);
            Symbol symbol = inline != 0 && InlineSubtrees.trusted()
                    ? inlineSymbols.computeIfAbsent(InlineSubtrees.symbolKey(node, inline), k -> describe(node))
                    : symbols.computeIfAbsent(NodeCalls.symbol(node), s -> describe(node));
            int start = exact ? node.getStartByte() : (int) START_BYTE.get(node);
            int startLine = lineOf(lineStarts, start);
            SyntaxNode copy = new SyntaxNode(symbol.type(), symbol.named(), field, start, startLine, parent);
            if (exact) {
                setEnd(copy, node.getEndByte());
                if (ERROR.equals(symbol.type()) || node.isMissing()) {
                    errors++;
                    firstErrorLine = Math.min(firstErrorLine, startLine);
                }
                return copy;
            }
            preorder.add(copy);
            if (inline != 0 && !InlineSubtrees.trusted()) {
                inline = verifyInline(node, inline, symbol, start) ? inline : 0;
            }
            if (inline != 0) {
                // an inline subtree is a leaf: it ends its size after its start
                setEnd(copy, start + InlineSubtrees.sizeBytes(inline));
            } else if (symbol.named()) {
                namedNodes.add(copy);
                namedTsNodes.add(node);
            } else {
                setEnd(copy, start + symbol.tokenBytes());
            }
            return copy;
        }

        /** Checks a decoded inline leaf against the JNI answers (while {@link InlineSubtrees} is not trusted yet). */
        private boolean verifyInline(TSNode node, long inline, Symbol symbol, int start) {
            Symbol known = inlineSymbols.putIfAbsent(InlineSubtrees.symbolKey(node, inline), symbol);
            boolean sameType = known == null || known.equals(symbol);
            boolean sameSize = start + InlineSubtrees.sizeBytes(inline) == NodeCalls.endByte(node);
            return InlineSubtrees.check(sameType && sameSize);
        }

        private static Symbol describe(TSNode node) {
            String type = node.getType();
            boolean named = node.isNamed();
            return new Symbol(type, named, named ? -1 : type.getBytes(StandardCharsets.UTF_8).length);
        }

        private void setEnd(SyntaxNode node, int end) {
            node.setEnd(end, end > node.startByte() ? lineOf(lineStarts, end - 1) : node.startLine());
        }

        private String fieldName(int fieldId) {
            if (fieldId == 0) {
                return null;
            }
            String[] names = FIELD_NAMES.computeIfAbsent(language, l -> {
                String[] all = new String[l.fieldCount() + 1];
                for (int i = 1; i < all.length; i++) {
                    all[i] = l.fieldNameForId(i);
                }
                return all;
            });
            return fieldId < names.length ? names[fieldId] : language.fieldNameForId(fieldId);
        }
    }

    private static int[] lineStarts(byte[] source) {
        int count = 1;
        for (byte b : source) {
            if (b == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Returns the root node.
     *
     * @return the root
     */
    public SyntaxNode root() {
        return root;
    }

    /**
     * Returns how many ERROR or MISSING nodes the parser produced (0 for a clean parse).
     *
     * @return the number of error nodes
     */
    public int errorNodes() {
        return errorNodes;
    }

    /**
     * Returns the line of the first error node, 0 when the parse was clean.
     *
     * @return the line
     */
    public int firstErrorLine() {
        return firstErrorLine;
    }

    /**
     * Returns the source byte at an offset.
     *
     * @param offset a byte offset, 0 &lt;= offset &lt; {@link #sourceLength()}
     * @return the byte
     * @throws ArrayIndexOutOfBoundsException if the offset is out of range
     */
    byte sourceByte(int offset) {
        return source[offset];
    }

    /**
     * Returns the length of the source in bytes.
     *
     * @return the length
     */
    int sourceLength() {
        return source.length;
    }

    /**
     * Returns the source text of a node.
     *
     * @param node a node of this tree
     * @return its text
     */
    public String text(SyntaxNode node) {
        return new String(source, node.startByte(), node.endByte() - node.startByte(), StandardCharsets.UTF_8);
    }
}
