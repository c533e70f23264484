package dev.vulcan.tool.layout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Reads a file once, streaming, with bounded memory and time, and computes its content facts: binary or
 * text, line count, header lines, UTF-8 validity and stable fingerprint.
 *
 * <p>Binary: no UTF-16 byte order mark and a NUL byte within the first {@value #SNIFF_BYTES} bytes (git's
 * rule). A binary file's fingerprint is the SHA-256 of its raw bytes and it has no line count. A text file
 * starting with a UTF-8 byte order mark has it dropped; one starting with a UTF-16 byte order mark is
 * transcoded to UTF-8; then {@link TextSink} computes the rest.
 *
 * <p>The file is opened without following a symbolic link. Reading stops after {@code maxBytes} bytes or
 * {@code maxNanos} nanoseconds; the facts then have {@link Stop#SIZE} or {@link Stop#TIME} and no line count
 * nor fingerprint (binary detection and header still hold).
 */
public final class ContentScanner {

    /** How many leading bytes decide whether a file is binary. */
    public static final int SNIFF_BYTES = 8000;

    private static final int BUFFER = 64 * 1024;

    private final int headerLines;
    private final int headerBytes;

    /**
     * Creates a scanner.
     *
     * @param headerLines how many header lines to keep
     * @param headerBytes how many header bytes to keep at most
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ContentScanner(int headerLines, int headerBytes) {
        if (headerLines <= 0 || headerBytes <= 0) {
            throw new IllegalArgumentException("header limits must be positive");
        }
        this.headerLines = headerLines;
        this.headerBytes = headerBytes;
    }

    /** Why reading stopped early. */
    public enum Stop {
        /** Read completely. */
        NONE,
        /** The file is larger than the size cap. */
        SIZE,
        /** Reading took longer than the time cap. */
        TIME
    }

    /**
     * The content facts of one file.
     *
     * @param binary whether the content is binary
     * @param lineCount the line count, or null for a binary file or an early stop
     * @param headerLines the first lines of a text file (empty for binary)
     * @param validEncoding false when a text file is neither valid UTF-8 nor UTF-16 with a byte order mark
     * @param fingerprint the stable fingerprint (SHA-256 hex), or null after an early stop
     * @param stop why reading stopped early, {@link Stop#NONE} when complete
     */
    public record Facts(boolean binary, Long lineCount, List<String> headerLines, boolean validEncoding,
            String fingerprint, Stop stop) {

        /**
         * Creates facts.
         *
         * @throws NullPointerException if the header or stop is null
         */
        public Facts {
            headerLines = List.copyOf(headerLines);
            Objects.requireNonNull(stop, "stop");
        }
    }

    /**
     * Scans a file.
     *
     * @param file the file, a regular file (a symbolic link is refused by the operating system)
     * @param maxBytes the size cap
     * @param maxNanos the time cap
     * @return the facts
     * @throws IOException if the file cannot be opened or read
     */
    public Facts scan(Path file, long maxBytes, long maxNanos) throws IOException {
        Objects.requireNonNull(file, "file");
        long deadline = System.nanoTime() + maxNanos;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[BUFFER];
            int first = readAtLeast(in, buffer, SNIFF_BYTES);
            long total = first;
            Charset utf16 = utf16(buffer, first);
            boolean binary = utf16 == null && hasNul(buffer, Math.min(first, SNIFF_BYTES));
            MessageDigest raw = binary ? TextSink.sha256() : null;
            TextSink sink = binary ? null : new TextSink(headerLines, headerBytes);
            Utf16Transcoder transcoder = utf16 == null ? null : new Utf16Transcoder(utf16, sink);
            int start = !binary && utf16 == null && hasUtf8Bom(buffer, first) ? 3 : utf16 != null ? 2 : 0;
            Stop stop = Stop.NONE;
            int n = first;
            int offset = start;
            while (n > 0) {
                if (binary) {
                    raw.update(buffer, 0, n);
                } else if (transcoder != null) {
                    transcoder.accept(buffer, offset, n - offset);
                } else {
                    sink.accept(buffer, offset, n - offset);
                }
                offset = 0;
                if (total > maxBytes || (total == maxBytes && in.read() >= 0)) {
                    stop = Stop.SIZE;
                    break;
                }
                n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - total + 1));
                if (n > 0) {
                    total += n;
                    if (System.nanoTime() > deadline) {
                        stop = Stop.TIME;
                        break;
                    }
                }
            }
            if (transcoder != null) {
                transcoder.finish();
            }
            if (binary) {
                return new Facts(true, null, List.of(), true,
                        stop == Stop.NONE ? HexFormat.of().formatHex(raw.digest()) : null, stop);
            }
            TextSink.Result result = sink.finish();
            boolean valid = utf16 != null || result.validUtf8();
            return new Facts(false, stop == Stop.NONE ? result.lineCount() : null, result.headerLines(), valid,
                    stop == Stop.NONE ? result.fingerprint() : null, stop);
        }
    }

    private static int readAtLeast(InputStream in, byte[] buffer, int wanted) throws IOException {
        int total = 0;
        while (total < wanted) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean hasNul(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUtf8Bom(byte[] b, int n) {
        return n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static Charset utf16(byte[] b, int n) {
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Streams UTF-16 bytes into a sink as UTF-8. */
    private static final class Utf16Transcoder {
        private final CharsetDecoder decoder;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final TextSink sink;
        private final ByteBuffer pending = ByteBuffer.allocate(BUFFER + 4);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER);
        private final ByteBuffer utf8 = ByteBuffer.allocate(BUFFER * 3 + 8);

        Utf16Transcoder(Charset charset, TextSink sink) {
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            this.sink = sink;
        }

        void accept(byte[] bytes, int offset, int length) {
            int at = offset;
            int end = offset + length;
            while (at < end) {
                int take = Math.min(pending.remaining(), end - at);
                pending.put(bytes, at, take);
                at += take;
                pending.flip();
                drain(false);
                pending.compact();
            }
        }

        void finish() {
            pending.flip();
            drain(true);
            decoder.flush(chars);
            emit(true);
        }

        private void drain(boolean endOfInput) {
            while (true) {
                var result = decoder.decode(pending, chars, endOfInput);
                emit(false);
                if (!result.isOverflow()) {
                    return;
                }
            }
        }

        private void emit(boolean endOfInput) {
            chars.flip();
            encoder.encode(chars, utf8, endOfInput);
            if (endOfInput) {
                encoder.flush(utf8);
            }
            chars.compact();
            utf8.flip();
            sink.accept(utf8.array(), utf8.position(), utf8.remaining());
            utf8.clear();
        }
    }
}
