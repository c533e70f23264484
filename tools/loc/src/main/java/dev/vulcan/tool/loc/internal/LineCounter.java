package dev.vulcan.tool.loc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming lexer that counts one file's lines, code, comments, blanks and branch tokens with a
 * {@link Language}'s rules. It reads the input once, in chunks of a fixed buffer, so memory does not depend on the
 * file size. Not thread safe: each counting thread owns one instance and reuses it for many files.
 *
 * <p>Counting model (the one cloc uses, so the numbers are comparable): a physical line with only whitespace is
 * blank. Comments are removed; the text that remains is split into lines at the newlines outside block comments
 * (a block comment spanning lines joins the text before and after it into one line); each such line with
 * non-whitespace text is one code line. Every other line is a comment line. String literals are lexed, so comment
 * markers inside them are code. Where the language has cloc's continuation rule, a blank or comment-only line that
 * follows a line whose remaining text ends with a backslash is code.
 */
public final class LineCounter {

    /** Bytes the lexer may look ahead of its position; the longest token it must see whole. */
    static final int LOOKAHEAD = 2 * Language.MAX_MARKER + 8;
    /** The smallest buffer accepted. */
    public static final int MIN_BUFFER = 4 * LOOKAHEAD;
    /** How many leading bytes are checked for a NUL byte (binary file). */
    static final int BINARY_PROBE = 8000;

    private static final int CODE = 0;
    private static final int LINE_COMMENT = 1;
    private static final int BLOCK = 2;
    private static final int STRING = 3;
    private static final int DOCSTRING = 4;
    private static final int DOC_BLOCK = 5;
    private static final int REST = 6;
    private static final int RST = 7;

    private static final byte[] RST_MARK = {'.', '.'};

    private final byte[] buf;

    private Language lang;
    private int[] cls;
    private long lines;
    private long blanks;
    private long code;
    private long complexity;
    private long pendingContinuation;
    private int mode;
    private boolean lineNonWs;
    private boolean logicalCode;
    private boolean logicalPrefixComment;
    private boolean prevResidueBackslash;
    private boolean prevPhysicalBackslash;
    private boolean endsWithBackslash;
    private int identLen;
    private int lineStart;
    private int bracketDepth;
    private int depth;
    private byte[] blockOpen;
    private byte[] blockClose;
    private byte[] stringClose;
    private int stringEscape;
    private boolean stringMultiline;
    private boolean stringDoubled;
    private byte[] docBlockEnd;

    /**
     * Creates a counter with a buffer of the given size.
     *
     * @param bufferSize the read buffer in bytes, at least {@link #MIN_BUFFER}
     * @throws IllegalArgumentException if the buffer is too small
     */
    public LineCounter(int bufferSize) {
        if (bufferSize < MIN_BUFFER) {
            throw new IllegalArgumentException("buffer must be at least " + MIN_BUFFER + " bytes: " + bufferSize);
        }
        this.buf = new byte[bufferSize];
    }

    /** What {@link #analyze} found. */
    public sealed interface Outcome {
    }

    /**
     * The file was counted.
     *
     * @param language its language
     * @param counts its counts
     */
    public record Counted(Language language, FileCounts counts) implements Outcome {
    }

    /** The file is binary (a NUL byte among its first bytes); it is not counted. */
    public record Binary() implements Outcome {
    }

    /** No language could be chosen for the file; it is not counted. */
    public record Unsupported() implements Outcome {
    }

    /**
     * The file is larger than the cap; it is not counted.
     *
     * @param limit the cap in bytes
     */
    public record TooLarge(long limit) implements Outcome {
    }

    /**
     * Reads a file once: checks that it is text, picks its language (the one its name gave, else the interpreter
     * of its {@code #!} line when {@code shebangAllowed}), and counts it.
     *
     * @param in the file content
     * @param byName the language its name selects, or null
     * @param shebangAllowed whether a {@code #!} line may select the language (files without extension)
     * @param catalog the languages
     * @param maxBytes the most bytes read; a longer input is {@link TooLarge}
     * @return the outcome
     * @throws IOException if reading fails
     */
    public Outcome analyze(ReadableByteChannel in, Language byName, boolean shebangAllowed, LanguageCatalog catalog,
            long maxBytes) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(catalog, "catalog");
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int filled = fill(in, bb, 0);
        boolean eof = filled < buf.length;
        for (int i = 0, n = Math.min(filled, BINARY_PROBE); i < n; i++) {
            if (buf[i] == 0) {
                return new Binary();
            }
        }
        Language chosen = byName;
        if (chosen == null && shebangAllowed) {
            chosen = catalog.byShebang(buf, filled).orElse(null);
        }
        if (chosen == null) {
            return new Unsupported();
        }
        Language language = chosen;
        Optional<FileCounts> counts = run(language, in, bb, filled, eof, maxBytes);
        return counts.<Outcome>map(c -> new Counted(language, c)).orElseGet(() -> new TooLarge(maxBytes));
    }

    /**
     * Counts a whole input with a language's rules.
     *
     * @param language the language
     * @param in the content
     * @return the counts
     * @throws IOException if reading fails
     */
    public FileCounts count(Language language, ReadableByteChannel in) throws IOException {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(in, "in");
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int filled = fill(in, bb, 0);
        return run(language, in, bb, filled, filled < buf.length, Long.MAX_VALUE).orElseThrow();
    }

    private static int fill(ReadableByteChannel in, ByteBuffer bb, int from) throws IOException {
        bb.clear();
        bb.position(from);
        while (bb.hasRemaining()) {
            if (in.read(bb) < 0) {
                break;
            }
        }
        return bb.position();
    }

    private Optional<FileCounts> run(Language language, ReadableByteChannel in, ByteBuffer bb, int filled,
            boolean eof, long maxBytes) throws IOException {
        begin(language);
        long total = filled;
        int pos = 0;
        if (filled >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
            lineStart = 3;
        }
        if (lang.shebangIsCode && filled - pos >= 2 && buf[pos] == '#' && buf[pos + 1] == '!') {
            mode = LINE_COMMENT;
            lineNonWs = true;
            logicalCode = true;
            pos += 2;
        }
        int end = filled;
        byte last = filled > 0 ? buf[filled - 1] : (byte) '\n';
        while (true) {
            if (total > maxBytes) {
                return Optional.empty();
            }
            int safe = eof ? end : end - LOOKAHEAD;
            pos = process(pos, end, safe);
            if (eof) {
                break;
            }
            int keepFrom = pos;
            if (lineStart >= 0 && lineStart < pos && end - lineStart <= buf.length / 2) {
                keepFrom = lineStart;
            }
            int carry = end - keepFrom;
            System.arraycopy(buf, keepFrom, buf, 0, carry);
            lineStart = lineStart >= keepFrom ? lineStart - keepFrom : Integer.MIN_VALUE;
            pos -= keepFrom;
            end = fill(in, bb, carry);
            total += end - carry;
            eof = end < buf.length;
            if (end > carry) {
                last = buf[end - 1];
            }
        }
        if (total > 0 && last != '\n') {
            endLine(false);
        }
        if ((mode == BLOCK || mode == DOCSTRING) && logicalCode) {
            code += 1 + pendingContinuation;
        }
        long blank = blanks;
        return Optional.of(new FileCounts(lines, code, lines - code - blank, blank, complexity));
    }

    private void begin(Language language) {
        this.lang = language;
        this.cls = language.byteClass;
        lines = 0;
        blanks = 0;
        code = 0;
        complexity = 0;
        pendingContinuation = 0;
        mode = CODE;
        lineNonWs = false;
        logicalCode = false;
        logicalPrefixComment = false;
        prevResidueBackslash = false;
        endsWithBackslash = false;
        identLen = 0;
        lineStart = 0;
        bracketDepth = 0;
        depth = 0;
    }

    private int process(int i, int end, int safe) {
        while (i < safe) {
            switch (mode) {
                case CODE -> i = code(i, end, safe);
                case LINE_COMMENT -> i = restOfLine(i, safe);
                case BLOCK -> i = block(i, end, safe);
                case STRING, DOCSTRING -> i = string(i, end, safe);
                default -> i = wholeLines(i, end, safe);
            }
        }
        return i;
    }

    private void newline(int i) {
        endLine(i >= 1 && (buf[i - 1] == '\\' || buf[i - 1] == '\r' && i >= 2 && buf[i - 2] == '\\'));
        lineStart = i + 1;
        if (mode == LINE_COMMENT) {
            mode = CODE;
        }
    }

    /**
     * Ends a physical line.
     *
     * @param physicalBackslash whether the line's last byte (before a CR) is a backslash, in any state
     */
    private void endLine(boolean physicalBackslash) {
        lines++;
        boolean joining = mode == BLOCK || mode == DOCSTRING;
        if (!lineNonWs) {
            if (lang.continuation && prevPhysicalBackslash) {
                // cloc keeps this line out of the blanks; it is code when the text before it still ends with a
                // backslash after comment removal, else it disappears with the comments (a comment line)
                if (!joining && prevResidueBackslash) {
                    continuationLine();
                }
                if (!joining) {
                    prevResidueBackslash = false;
                }
            } else {
                blanks++;
            }
        } else if (!joining) {
            boolean prefixStyle = logicalPrefixComment || mode == DOC_BLOCK || mode == REST || mode == RST;
            if (logicalCode) {
                code += 1 + pendingContinuation;
                pendingContinuation = 0;
                prevResidueBackslash = endsWithBackslash;
            } else if (!prefixStyle) {
                if (lang.continuation && prevResidueBackslash) {
                    continuationLine();
                }
                prevResidueBackslash = false;
            }
            logicalCode = false;
            logicalPrefixComment = false;
        }
        lineNonWs = false;
        endsWithBackslash = false;
        identLen = 0;
        prevPhysicalBackslash = physicalBackslash;
    }

    /**
     * A blank or emptied line kept as code by the continuation rule. Where cloc removes comments by joining the
     * text and splitting it again, such lines at the very end of the text vanish (Perl's split drops trailing
     * empty fields), so they only become code once a later line has code.
     */
    private void continuationLine() {
        if (lang.hasRegexComments) {
            pendingContinuation++;
        } else {
            code++;
        }
    }

    private int code(int i, int end, int safe) {
        final byte[] b = buf;
        final int[] classes = cls;
        boolean nonWs = lineNonWs;
        boolean lc = logicalCode;
        boolean bs = endsWithBackslash;
        boolean inIdent = identLen > 0;
        while (i < safe) {
            byte c = b[i];
            int k = classes[c & 0xff];
            if ((k & Language.SPECIAL) == 0 && nonWs) {
                lc = true;
                bs = c == '\\';
                inIdent = false;
                i++;
                continue;
            }
            if ((k & Language.IDENT) != 0 && nonWs) {
                int j = i + 1;
                int cap = Math.min(end, i + 2 * Language.MAX_MARKER);
                while (j < cap && (classes[b[j] & 0xff] & Language.IDENT) != 0) {
                    j++;
                }
                lc = true;
                bs = false;
                if (!inIdent) {
                    if ((k & Language.KEYWORD_START) != 0 && (j < cap || cap == end)) {
                        keyword(i, j - i);
                    }
                    if (lang.hasRawStrings && j - i <= 3 && j < end && (b[j] == '"' || b[j] == '#')) {
                        int next = rawStringStart(i, j, end);
                        if (next >= 0) {
                            lineNonWs = true;
                            identLen = 0;
                            return next;
                        }
                    }
                }
                inIdent = j == cap && cap != end;
                i = j;
                continue;
            }
            if ((k & Language.NEWLINE) != 0) {
                lineNonWs = nonWs;
                logicalCode = lc;
                endsWithBackslash = bs;
                newline(i);
                nonWs = false;
                lc = logicalCode;
                bs = false;
                inIdent = false;
                i++;
                continue;
            }
            if ((k & Language.WS) != 0) {
                if (c != '\r') {
                    bs = false;
                }
                inIdent = false;
                i++;
                continue;
            }
            lineNonWs = true;
            logicalCode = lc;
            endsWithBackslash = bs;
            identLen = 0;
            if (!nonWs) {
                nonWs = true;
                if (lang.lineStartRules) {
                    int next = lineStartRules(i, end);
                    if (next >= 0) {
                        return next;
                    }
                }
                if ((k & Language.IDENT) != 0) {
                    continue;
                }
            }
            inIdent = false;
            if ((k & Language.COMMENT_START) != 0) {
                int next = commentStart(i, end);
                if (next >= 0) {
                    return next;
                }
            }
            if ((k & Language.STRING_START) != 0) {
                int next = stringStart(i, end);
                if (next >= 0) {
                    return next;
                }
            }
            if ((k & Language.OPERATOR_START) != 0) {
                int next = operator(i, end);
                if (next >= 0) {
                    lc = true;
                    bs = false;
                    i = next;
                    continue;
                }
            }
            if ((k & Language.BRACKET) != 0) {
                if (c == '(' || c == '[' || c == '{') {
                    bracketDepth++;
                } else if (bracketDepth > 0) {
                    bracketDepth--;
                }
            }
            lc = true;
            bs = c == '\\';
            i++;
        }
        lineNonWs = nonWs;
        logicalCode = lc;
        endsWithBackslash = bs;
        identLen = inIdent ? 1 : 0;
        return i;
    }

    private int lineStartRules(int i, int end) {
        if (i == lineStart) {
            if (lang.rstExplicitMarkup && matches(i, end, RST_MARK)) {
                mode = RST;
                return i + 2;
            }
            for (Language.DocBlock d : lang.docBlocks) {
                if (matches(i, end, d.start())) {
                    mode = DOC_BLOCK;
                    docBlockEnd = d.end();
                    return i + d.start().length;
                }
            }
            for (byte[] marker : lang.endMarkers) {
                if (matches(i, end, marker)) {
                    mode = REST;
                    return i + marker.length;
                }
            }
            for (byte[] marker : lang.column0Comments) {
                if (matches(i, end, marker)) {
                    mode = LINE_COMMENT;
                    logicalPrefixComment = true;
                    return i + marker.length;
                }
            }
        }
        for (Language.BlockComment bc : lang.blockComments) {
            if (matches(i, end, bc.start())) {
                return -1;
            }
        }
        for (byte[] marker : lang.linePrefixComments) {
            if (matches(i, end, marker)) {
                mode = LINE_COMMENT;
                logicalPrefixComment = true;
                return i + marker.length;
            }
        }
        return -1;
    }

    private int commentStart(int i, int end) {
        for (Language.BlockComment bc : lang.blockComments) {
            if (matches(i, end, bc.start())) {
                mode = BLOCK;
                depth = 1;
                blockOpen = bc.nested() ? bc.start() : null;
                blockClose = bc.end();
                return i + bc.start().length;
            }
        }
        for (byte[] marker : lang.lineComments) {
            if (matches(i, end, marker)) {
                int after = i + marker.length;
                if (lang.luaLongBrackets) {
                    int level = longBracketLevel(after, end);
                    if (level >= 0) {
                        mode = BLOCK;
                        depth = 1;
                        blockOpen = null;
                        blockClose = closingLongBracket(level);
                        return after + level + 2;
                    }
                }
                mode = LINE_COMMENT;
                endsWithBackslash = false;
                return after;
            }
        }
        return -1;
    }

    private int longBracketLevel(int i, int end) {
        if (i >= end || buf[i] != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < end && buf[j] == '=' && j - i < Language.MAX_MARKER - 2) {
            j++;
        }
        return j < end && buf[j] == '[' ? j - i - 1 : -1;
    }

    private static byte[] closingLongBracket(int level) {
        byte[] close = new byte[level + 2];
        close[0] = ']';
        for (int j = 1; j <= level; j++) {
            close[j] = '=';
        }
        close[level + 1] = ']';
        return close;
    }

    private int stringStart(int i, int end) {
        byte c = buf[i];
        for (Language.StringRule rule : lang.strings) {
            switch (rule.kind()) {
                case QUOTED -> {
                    if (matches(i, end, rule.open())) {
                        boolean doc = lang.docstrings && rule.open().length == 3 && isDocstringStart(i);
                        enterString(rule.close(), rule.escape(), rule.multiline(), rule.doubledCloseEscapes(), doc);
                        return i + rule.open().length;
                    }
                }
                case CHAR -> {
                    if (c == '\'') {
                        int next = charLiteral(i, end);
                        if (next >= 0) {
                            logicalCode = true;
                            endsWithBackslash = false;
                            mode = CODE;
                            return next;
                        }
                    }
                }
                case CPP_RAW, RUST_RAW -> {
                    // started by rawStringStart after the identifier prefix
                }
                default -> throw new IllegalStateException("unhandled string kind " + rule.kind());
            }
        }
        if (lang.luaLongBrackets && c == '[') {
            int level = longBracketLevel(i, end);
            if (level >= 0) {
                enterString(closingLongBracket(level), -1, true, false, false);
                return i + level + 2;
            }
        }
        return -1;
    }

    private void enterString(byte[] close, int escape, boolean multiline, boolean doubled, boolean docstring) {
        mode = docstring ? DOCSTRING : STRING;
        if (docstring) {
            logicalCode = false;
        } else {
            logicalCode = true;
        }
        stringClose = close;
        stringEscape = escape;
        stringMultiline = multiline;
        stringDoubled = doubled;
        endsWithBackslash = false;
    }

    /** A triple-quoted string is a docstring when it starts a statement: only a string prefix precedes it. */
    private boolean isDocstringStart(int i) {
        if (bracketDepth != 0 || prevResidueBackslash || lineStart < 0 || lineStart > i) {
            return false;
        }
        int prefix = 0;
        for (int j = lineStart; j < i; j++) {
            byte c = buf[j];
            if ((cls[c & 0xff] & Language.WS) != 0) {
                if (prefix > 0) {
                    return false;
                }
            } else if (c == 'r' || c == 'R' || c == 'u' || c == 'U' || c == 'b' || c == 'B' || c == 'f' || c == 'F') {
                if (++prefix > 2) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private int cppRawStart(int i, int end) {
        int j = i;
        while (j < end && j - i <= 16) {
            byte c = buf[j];
            if (c == '(') {
                byte[] close = new byte[j - i + 2];
                close[0] = ')';
                System.arraycopy(buf, i, close, 1, j - i);
                close[close.length - 1] = '"';
                enterString(close, -1, true, false, false);
                return j + 1;
            }
            if (c == ')' || c == '\\' || c == '"' || c == '\n' || (cls[c & 0xff] & Language.WS) != 0) {
                return -1;
            }
            j++;
        }
        return -1;
    }

    private int charLiteral(int i, int end) {
        int j = i + 1;
        if (j >= end) {
            return -1;
        }
        byte c = buf[j];
        if (c == '\\') {
            for (int k = j + 2, limit = Math.min(end, j + 12); k < limit; k++) {
                if (buf[k] == '\'') {
                    return k + 1;
                }
                if (buf[k] == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        if (c == '\'' || c == '\n') {
            return -1;
        }
        int length = (c & 0x80) == 0 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        int k = j + length;
        return k < end && buf[k] == '\'' ? k + 1 : -1;
    }

    private void keyword(int i, int length) {
        byte[][] candidates = lang.keywordsByFirstByte[buf[i] & 0xff];
        for (byte[] kw : candidates) {
            if (kw.length == length && matches(i, i + length, kw)) {
                complexity++;
                return;
            }
        }
    }

    /**
     * Starts a raw string when the identifier {@code [i, j)} is a raw string prefix followed by its quote:
     * Rust {@code r"}, {@code r#"}, {@code br"}; C++ {@code R"delim(}, {@code u8R"}, {@code uR"}, {@code UR"},
     * {@code LR"}.
     */
    private int rawStringStart(int i, int j, int end) {
        int length = j - i;
        if (lang.hasRustRaw && buf[j - 1] == 'r' && (length == 1 || length == 2 && buf[i] == 'b')) {
            int h = j;
            while (h < end && buf[h] == '#' && h - j < Language.MAX_MARKER - 2) {
                h++;
            }
            if (h < end && buf[h] == '"') {
                byte[] close = new byte[h - j + 1];
                close[0] = '"';
                for (int x = 1; x < close.length; x++) {
                    close[x] = '#';
                }
                enterString(close, -1, true, false, false);
                return h + 1;
            }
        }
        if (lang.hasCppRaw && buf[j - 1] == 'R' && buf[j] == '"' && (length == 1
                || length == 2 && (buf[i] == 'u' || buf[i] == 'U' || buf[i] == 'L')
                || length == 3 && buf[i] == 'u' && buf[i + 1] == '8')) {
            return cppRawStart(j + 1, end);
        }
        return -1;
    }

    private int operator(int i, int end) {
        for (byte[] op : lang.operators) {
            if (matches(i, end, op)) {
                complexity++;
                return i + op.length;
            }
        }
        return -1;
    }

    private int restOfLine(int i, int safe) {
        final byte[] b = buf;
        while (i < safe) {
            if (b[i] == '\n') {
                newline(i);
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private int block(int i, int end, int safe) {
        final byte[] b = buf;
        final int[] classes = cls;
        final byte[] close = blockClose;
        final byte[] open = blockOpen;
        final byte close0 = close[0];
        final byte open0 = open == null ? close0 : open[0];
        while (i < safe) {
            byte c = b[i];
            if (c == '\n') {
                newline(i);
                i++;
                continue;
            }
            if (!lineNonWs && (classes[c & 0xff] & Language.WS) == 0) {
                lineNonWs = true;
            }
            if (c == close0 && matches(i, end, close)) {
                i += close.length;
                if (--depth == 0) {
                    mode = CODE;
                    endsWithBackslash = false;
                    identLen = 0;
                                return i;
                }
                continue;
            }
            if (open != null && c == open0 && matches(i, end, open)) {
                depth++;
                i += open.length;
                continue;
            }
            i++;
        }
        return i;
    }

    private int string(int i, int end, int safe) {
        final byte[] b = buf;
        final int[] classes = cls;
        final byte[] close = stringClose;
        final byte close0 = close[0];
        final int escape = stringEscape;
        final boolean doc = mode == DOCSTRING;
        while (i < safe) {
            byte c = b[i];
            if (c == '\n') {
                if (!stringMultiline) {
                    mode = CODE;
                    newline(i);
                    return i + 1;
                }
                newline(i);
                i++;
                continue;
            }
            if ((classes[c & 0xff] & Language.WS) == 0) {
                lineNonWs = true;
                if (!doc) {
                    logicalCode = true;
                }
            } else if (c == '\r') {
                i++;
                continue;
            }
            if ((c & 0xff) == escape) {
                endsWithBackslash = c == '\\';
                i++;
                if (i < end) {
                    byte n = b[i];
                    if (n == '\n') {
                        newline(i);
                    } else if (n != '\r') {
                        endsWithBackslash = false;
                    }
                    i++;
                }
                continue;
            }
            if (c == close0 && matches(i, end, close)) {
                int after = i + close.length;
                if (stringDoubled && after < end && b[after] == close0) {
                    i = after + 1;
                    continue;
                }
                mode = CODE;
                endsWithBackslash = false;
                identLen = 0;
                return after;
            }
            endsWithBackslash = c == '\\';
            i++;
        }
        return i;
    }

    private int wholeLines(int i, int end, int safe) {
        final byte[] b = buf;
        while (i < safe) {
            byte c = b[i];
            if (i == lineStart) {
                if (mode == DOC_BLOCK && matches(i, end, docBlockEnd)) {
                    mode = LINE_COMMENT;
                    logicalPrefixComment = true;
                    lineNonWs = true;
                    return i + docBlockEnd.length;
                }
                if (mode == RST && c != ' ' && c != '\t' && c != '.' && c != '\n' && c != '\r' && c != '\f'
                        && c != 0x0b) {
                    mode = CODE;
                    return i;
                }
            }
            if (c == '\n') {
                newline(i);
                i++;
                continue;
            }
            if (!lineNonWs && (cls[c & 0xff] & Language.WS) == 0) {
                lineNonWs = true;
            }
            i++;
        }
        return i;
    }

    private boolean matches(int i, int end, byte[] token) {
        if (i + token.length > end) {
            return false;
        }
        for (int j = 0; j < token.length; j++) {
            if (buf[i + j] != token[j]) {
                return false;
            }
        }
        return true;
    }
}
