package dev.vulcan.tool.layout.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Consumes the UTF-8 (or, when invalid, byte-per-character) content of a text file in one streaming pass and
 * computes, without keeping the content: the line count, the header (first lines, for markers and the
 * shebang), whether the bytes are valid UTF-8, and the whitespace-normalized fingerprint.
 *
 * <p>Line count: line terminators ({@code \n}, {@code \r\n}, or a lone {@code \r}), plus one when the content
 * does not end with a terminator; 0 for empty content.
 *
 * <p>Fingerprint normalization: every run of whitespace (space, tab, form feed, vertical tab, CR, LF) that
 * contains a line break becomes one {@code \n}, every other run becomes one space, and whitespace at the start
 * and end of the content is dropped; so indentation, trailing blanks, blank lines and CRLF/LF/CR differences
 * do not change it. The SHA-256 (lower-case hex) is taken over the normalized UTF-8 bytes. When the content is
 * not valid UTF-8, it is read as ISO-8859-1 and transcoded to UTF-8 before hashing, so a Latin-1 file and its
 * UTF-8 conversion share a fingerprint; the file is then reported as invalid encoding.
 */
final class TextSink {

    private static final int OUT_CAPACITY = 8192;

    private final int headerLineLimit;
    private final int headerByteLimit;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private int headerLinesSeen;
    private boolean headerDone;

    private long terminators;
    private boolean pendingCr;
    private boolean empty = true;
    private boolean endsWithTerminator;

    private int utf8Remaining;
    private boolean utf8Valid = true;

    private boolean emittedAny;
    private boolean pendingSpace;
    private boolean pendingNewline;
    private final MessageDigest utf8Digest = sha256();
    /** Forked from the UTF-8 digest at the first non-ASCII byte (before it, both hashes see the same bytes). */
    private MessageDigest latin1Digest;
    private final byte[] out = new byte[OUT_CAPACITY];
    private int outLength;
    private final byte[] latin1Out = new byte[OUT_CAPACITY * 2];

    /**
     * Creates a sink.
     *
     * @param headerLineLimit how many lines of header to keep
     * @param headerByteLimit how many bytes of header to keep at most
     */
    TextSink(int headerLineLimit, int headerByteLimit) {
        this.headerLineLimit = headerLineLimit;
        this.headerByteLimit = headerByteLimit;
    }

    /**
     * Consumes bytes.
     *
     * @param bytes the buffer
     * @param offset the first byte
     * @param length how many bytes
     */
    void accept(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        empty = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            lines(b);
            if (!headerDone) {
                header(b);
            }
            if (utf8Valid) {
                utf8(b);
            }
            normalize(b);
        }
    }

    private void lines(byte b) {
        if (b == '\n') {
            terminators++;
            pendingCr = false;
            endsWithTerminator = true;
        } else {
            if (pendingCr) {
                terminators++;
            }
            pendingCr = b == '\r';
            endsWithTerminator = pendingCr;
        }
    }

    private void header(byte b) {
        if (b == '\n') {
            headerLinesSeen++;
        }
        if (headerLinesSeen >= headerLineLimit || header.size() >= headerByteLimit) {
            headerDone = true;
            return;
        }
        header.write(b);
    }

    private void utf8(byte b) {
        int v = b & 0xFF;
        if (utf8Remaining > 0) {
            if ((v & 0xC0) != 0x80) {
                utf8Valid = false;
            }
            utf8Remaining--;
        } else if (v >= 0x80) {
            if (v >= 0xC2 && v <= 0xDF) {
                utf8Remaining = 1;
            } else if (v >= 0xE0 && v <= 0xEF) {
                utf8Remaining = 2;
            } else if (v >= 0xF0 && v <= 0xF4) {
                utf8Remaining = 3;
            } else {
                utf8Valid = false;
            }
        }
    }

    private void normalize(byte b) {
        switch (b) {
            case '\n', '\r' -> pendingNewline = true;
            case ' ', '\t', '\f', 0x0B -> pendingSpace = true;
            default -> {
                if (emittedAny) {
                    if (pendingNewline) {
                        emit((byte) '\n');
                    } else if (pendingSpace) {
                        emit((byte) ' ');
                    }
                }
                pendingNewline = false;
                pendingSpace = false;
                emittedAny = true;
                emit(b);
            }
        }
    }

    private void emit(byte b) {
        if (outLength == out.length) {
            flush();
        }
        out[outLength++] = b;
    }

    private void flush() {
        if (latin1Digest == null) {
            boolean ascii = true;
            for (int i = 0; i < outLength && ascii; i++) {
                ascii = out[i] >= 0;
            }
            if (ascii) {
                utf8Digest.update(out, 0, outLength);
                outLength = 0;
                return;
            }
            try {
                latin1Digest = (MessageDigest) utf8Digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the SHA-256 implementation cannot be cloned", e);
            }
        }
        if (utf8Valid) {
            utf8Digest.update(out, 0, outLength);
        }
        int n = 0;
        for (int i = 0; i < outLength; i++) {
            int v = out[i] & 0xFF;
            if (v < 0x80) {
                latin1Out[n++] = (byte) v;
            } else {
                latin1Out[n++] = (byte) (0xC0 | (v >> 6));
                latin1Out[n++] = (byte) (0x80 | (v & 0x3F));
            }
        }
        latin1Digest.update(latin1Out, 0, n);
        outLength = 0;
    }

    /**
     * Ends the content and returns what was computed.
     *
     * @return the results
     */
    Result finish() {
        flush();
        if (pendingCr) {
            terminators++;
        }
        if (utf8Remaining > 0) {
            utf8Valid = false;
        }
        long lineCount = empty ? 0 : terminators + (endsWithTerminator ? 0 : 1);
        String headerText = new String(header.toByteArray(), utf8Valid ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        List<String> headerLines = headerText.lines().limit(headerLineLimit).toList();
        byte[] digest = utf8Valid || latin1Digest == null ? utf8Digest.digest() : latin1Digest.digest();
        return new Result(lineCount, headerLines, utf8Valid, HexFormat.of().formatHex(digest));
    }

    /**
     * What a sink computed.
     *
     * @param lineCount the line count
     * @param headerLines the first lines (at most the header limits)
     * @param validUtf8 whether the content was valid UTF-8
     * @param fingerprint the normalized-content SHA-256, lower-case hex
     */
    record Result(long lineCount, List<String> headerLines, boolean validUtf8, String fingerprint) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
