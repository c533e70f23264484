package dev.vulcan.tool.loc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One language's lexical rules, as read from {@code languages.json}, with the byte tables the {@link LineCounter}
 * uses. Immutable and shared by all counting threads.
 */
public final class Language {

    /** The longest marker (comment, string delimiter, keyword) a language may define, in bytes. */
    public static final int MAX_MARKER = 32;

    static final int WS = 1;
    static final int COMMENT_START = 1 << 1;
    static final int STRING_START = 1 << 2;
    static final int KEYWORD_START = 1 << 3;
    static final int OPERATOR_START = 1 << 4;
    static final int BRACKET = 1 << 5;
    static final int IDENT = 1 << 6;
    static final int NEWLINE = 1 << 7;
    /** Bytes that need more than "mark as code" in the code state. */
    static final int SPECIAL = WS | COMMENT_START | STRING_START | OPERATOR_START | BRACKET | NEWLINE | IDENT;

    private final String name;
    private final List<String> extensions;
    private final List<String> filenames;
    private final List<String> filenamePrefixes;
    private final List<String> interpreters;
    final byte[][] lineComments;
    final byte[][] linePrefixComments;
    final byte[][] column0Comments;
    /** Arrays, not lists: the lexer iterates them per token and must not allocate iterators. */
    final BlockComment[] blockComments;
    final StringRule[] strings;
    final DocBlock[] docBlocks;
    final byte[][] endMarkers;
    final boolean docstrings;
    final boolean continuation;
    final boolean shebangIsCode;
    final boolean rstExplicitMarkup;
    final boolean luaLongBrackets;
    final boolean hasCharLiterals;
    final boolean hasCppRaw;
    final boolean hasRustRaw;
    final boolean hasRawStrings;
    /** Whether comments are found anywhere in a line (not only whole-line prefixes), as cloc's regex filters. */
    final boolean hasRegexComments;
    final boolean lineStartRules;
    final byte[][][] keywordsByFirstByte;
    final byte[][] operators;
    final int[] byteClass = new int[256];

    /** How a string literal is delimited. */
    enum StringKind {
        /** Fixed open and close sequences. */
        QUOTED("quoted"),
        /** A C-family character literal such as {@code 'a'} or {@code '\n'}; a lone quote is code (Rust lifetimes). */
        CHAR("char"),
        /** A C++ raw string {@code R"delim(...)delim"}. */
        CPP_RAW("cpp_raw"),
        /** A Rust raw string {@code r#"..."#}. */
        RUST_RAW("rust_raw");

        private final String code;

        StringKind(String code) {
            this.code = code;
        }

        /**
         * Returns the kind with this external code.
         *
         * @param code the code used in languages.json
         * @return the kind
         * @throws IllegalArgumentException for an unknown code
         */
        static StringKind fromCode(String code) {
            for (StringKind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown string kind '" + code + "'");
        }
    }

    /**
     * A string literal rule.
     *
     * @param kind how it is delimited
     * @param open the opening sequence (QUOTED only)
     * @param close the closing sequence (QUOTED only)
     * @param escape the escape byte, or -1 for none
     * @param multiline whether the literal may span lines
     * @param doubledCloseEscapes whether a doubled closing quote stands for one quote ({@code 'it''s'})
     */
    record StringRule(StringKind kind, byte[] open, byte[] close, int escape, boolean multiline,
            boolean doubledCloseEscapes) {
    }

    /**
     * A block comment.
     *
     * @param start the opening sequence
     * @param end the closing sequence
     * @param nested whether the comment nests
     */
    record BlockComment(byte[] start, byte[] end, boolean nested) {
    }

    /**
     * A block of whole lines that is a comment: it starts at a line beginning (column 0) with {@code start} and
     * ends with the line beginning with {@code end} (Perl POD, Ruby {@code =begin}).
     *
     * @param start the marker of the first line
     * @param end the marker of the last line
     */
    record DocBlock(byte[] start, byte[] end) {
    }

    Language(String name, List<String> extensions, List<String> filenames, List<String> filenamePrefixes,
            List<String> interpreters, List<String> lineComments, List<String> linePrefixComments,
            List<String> column0Comments, List<BlockComment> blockComments, List<StringRule> strings,
            List<DocBlock> docBlocks, List<String> endMarkers, boolean docstrings, boolean continuation,
            boolean shebangIsCode, boolean rstExplicitMarkup, boolean luaLongBrackets, List<String> complexity) {
        this.name = Objects.requireNonNull(name, "name");
        this.extensions = List.copyOf(extensions);
        this.filenames = List.copyOf(filenames);
        this.filenamePrefixes = List.copyOf(filenamePrefixes);
        this.interpreters = List.copyOf(interpreters);
        this.lineComments = bytes(lineComments);
        this.linePrefixComments = bytes(linePrefixComments);
        this.column0Comments = bytes(column0Comments);
        this.blockComments = blockComments.toArray(new BlockComment[0]);
        this.strings = strings.toArray(new StringRule[0]);
        this.docBlocks = docBlocks.toArray(new DocBlock[0]);
        this.endMarkers = bytes(endMarkers);
        this.docstrings = docstrings;
        this.continuation = continuation;
        this.shebangIsCode = shebangIsCode;
        this.rstExplicitMarkup = rstExplicitMarkup;
        this.luaLongBrackets = luaLongBrackets;
        this.hasCharLiterals = strings.stream().anyMatch(s -> s.kind() == StringKind.CHAR);
        this.hasCppRaw = strings.stream().anyMatch(s -> s.kind() == StringKind.CPP_RAW);
        this.hasRustRaw = strings.stream().anyMatch(s -> s.kind() == StringKind.RUST_RAW);
        this.hasRawStrings = hasCppRaw || hasRustRaw;
        this.hasRegexComments = this.lineComments.length > 0 || this.blockComments.length > 0;
        this.lineStartRules = this.linePrefixComments.length > 0 || this.column0Comments.length > 0
                || !docBlocks.isEmpty() || this.endMarkers.length > 0 || rstExplicitMarkup;

        List<byte[]> keywords = new ArrayList<>();
        List<byte[]> ops = new ArrayList<>();
        for (String token : complexity) {
            byte[] b = token.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0 || b.length > MAX_MARKER) {
                throw new IllegalArgumentException(name + ": bad complexity token '" + token + "'");
            }
            if (allIdentBytes(b)) {
                keywords.add(b);
            } else {
                ops.add(b);
            }
        }
        this.operators = ops.toArray(new byte[0][]);
        this.keywordsByFirstByte = new byte[256][][];
        for (byte[] k : keywords) {
            int f = k[0] & 0xff;
            byte[][] old = keywordsByFirstByte[f];
            byte[][] grown = old == null ? new byte[1][] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = k;
            keywordsByFirstByte[f] = grown;
        }
        buildByteClasses();
    }

    private void buildByteClasses() {
        for (int b : new int[] {' ', '\t', '\r', '\f', 0x0b}) {
            byteClass[b] |= WS;
        }
        byteClass['\n'] |= NEWLINE;
        for (int b = 0; b < 256; b++) {
            if (isIdentByte((byte) b)) {
                byteClass[b] |= IDENT;
            }
            if (keywordsByFirstByte[b] != null) {
                byteClass[b] |= KEYWORD_START;
            }
        }
        for (byte[] c : lineComments) {
            byteClass[c[0] & 0xff] |= COMMENT_START;
        }
        for (BlockComment c : blockComments) {
            byteClass[c.start()[0] & 0xff] |= COMMENT_START;
        }
        for (StringRule s : strings) {
            switch (s.kind()) {
                case QUOTED -> byteClass[s.open()[0] & 0xff] |= STRING_START;
                case CHAR -> byteClass['\''] |= STRING_START;
                case CPP_RAW, RUST_RAW -> {
                    // recognized after an identifier prefix (r, br, R, u8R...), not by a start byte
                }
                default -> throw new IllegalStateException("unhandled string kind " + s.kind());
            }
        }
        if (luaLongBrackets) {
            byteClass['['] |= STRING_START;
        }
        for (byte[] op : operators) {
            byteClass[op[0] & 0xff] |= OPERATOR_START;
        }
        if (docstrings) {
            for (int b : new int[] {'(', ')', '[', ']', '{', '}'}) {
                byteClass[b] |= BRACKET;
            }
        }
    }

    private static boolean allIdentBytes(byte[] token) {
        for (byte b : token) {
            if (!isIdentByte(b)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_';
    }

    private static byte[][] bytes(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /**
     * Returns the language's display name, as written in {@code data.files[].language}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the file extensions (without the dot) that select this language.
     *
     * @return the extensions
     */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * Returns the exact file names that select this language.
     *
     * @return the file names
     */
    public List<String> filenames() {
        return filenames;
    }

    /**
     * Returns the file name prefixes (such as {@code Dockerfile.}) that select this language.
     *
     * @return the prefixes
     */
    public List<String> filenamePrefixes() {
        return filenamePrefixes;
    }

    /**
     * Returns the interpreter names of a {@code #!} line that select this language.
     *
     * @return the interpreters
     */
    public List<String> interpreters() {
        return interpreters;
    }

    /**
     * Returns a short description for logs and test messages.
     *
     * @return {@code Language[name]}
     */
    @Override
    public String toString() {
        return "Language[" + name.toLowerCase(Locale.ROOT) + "]";
    }
}
