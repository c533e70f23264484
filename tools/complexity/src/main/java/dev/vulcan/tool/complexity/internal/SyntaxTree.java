package dev.vulcan.tool.complexity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 */
public final class SyntaxTree {
    private static final String ERROR = "ERROR";
    private static final Map<TSLanguage, Map<Integer, String>> TYPE_NAMES = new ConcurrentHashMap<>();
    private static final Map<TSLanguage, Map<Integer, Boolean>> NAMED = new ConcurrentHashMap<>();
    private static final Map<TSLanguage, String[]> FIELD_NAMES = new ConcurrentHashMap<>();

    private final byte[] source;
    private final int[] lineStarts;
    private final SyntaxNode root;
    private final int errorNodes;
    private final int firstErrorLine;

    private SyntaxTree(byte[] source, int[] lineStarts, SyntaxNode root, int errorNodes, int firstErrorLine) {
        this.source = source;
        this.lineStarts = lineStarts;
        this.root = root;
        this.errorNodes = errorNodes;
        this.firstErrorLine = firstErrorLine;
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
        boolean hasError = tsRoot.hasError();
        Map<Integer, String> typeNames = TYPE_NAMES.computeIfAbsent(language, k -> new ConcurrentHashMap<>());
        Map<Integer, Boolean> namedFlags = NAMED.computeIfAbsent(language, k -> new ConcurrentHashMap<>());
        TSTreeCursor cursor = new TSTreeCursor(tsRoot);
        int[] errors = {0, Integer.MAX_VALUE};
        SyntaxNode root = copy(cursor, null, null, lineStarts, typeNames, namedFlags, hasError, errors);
        SyntaxNode current = root;
        outer:
        while (true) {
            if (cursor.gotoFirstChild()) {
                current = copy(cursor, current, fieldName(language, cursor.currentFieldId()), lineStarts, typeNames, namedFlags, hasError,
                        errors);
                continue;
            }
            while (true) {
                if (cursor.gotoNextSibling()) {
                    current = copy(cursor, current.parent(), fieldName(language, cursor.currentFieldId()), lineStarts, typeNames,
                            namedFlags, hasError, errors);
                    continue outer;
                }
                if (!cursor.gotoParent()) {
                    break outer;
                }
                current = current.parent();
            }
        }
        return new SyntaxTree(source, lineStarts, root, errors[0], errors[0] == 0 ? 0 : errors[1]);
    }

    private static SyntaxNode copy(TSTreeCursor cursor, SyntaxNode parent, String field, int[] lineStarts,
            Map<Integer, String> typeNames, Map<Integer, Boolean> namedFlags, boolean hasError, int[] errors) {
        TSNode node = cursor.currentNode();
        int symbol = node.getSymbol();
        String type = typeNames.computeIfAbsent(symbol, s -> node.getType());
        boolean named = namedFlags.computeIfAbsent(symbol, s -> node.isNamed());
        int start = node.getStartByte();
        int end = node.getEndByte();
        int startLine = lineOf(lineStarts, start);
        int endLine = end > start ? lineOf(lineStarts, end - 1) : startLine;
        SyntaxNode copy = new SyntaxNode(type, named, field, start, end, startLine, endLine, parent);
        if (hasError) {
            boolean missing = node.isMissing();
            if (missing) {
                copy.markMissing();
            }
            if (missing || ERROR.equals(type)) {
                errors[0]++;
                errors[1] = Math.min(errors[1], startLine);
            }
        }
        return copy;
    }

    private static String fieldName(TSLanguage language, int fieldId) {
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
     * Returns the number of lines of the file.
     *
     * @return the line count
     */
    public int lineCount() {
        return lineStarts.length;
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
