package dev.vulcan.telemetry.internal;

import dev.vulcan.core.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ObjectWriter;

/**
 * The append-only {@code pings.jsonl} of a batch: one compact JSON line per ping, each written with a single
 * write and forced to disk before {@link #append} returns, so a crash loses no finished ping. A torn last line
 * (a crash in the middle of a write) is cut off when the log is opened.
 */
public final class PingLog implements Closeable {

    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final FileChannel channel;

    private PingLog(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens (creating) a log for appending, first cutting off a torn last line.
     *
     * @param file the log file
     * @param log where to report a repair
     * @return the log
     * @throws IOException if the file cannot be opened or repaired
     */
    public static PingLog open(Path file, PrintStream log) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(log, "log");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = channel.size();
        if (size > 0) {
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                log.println("[fleet] " + file + ": cut off a torn last line of " + (size - keep) + " bytes");
                channel.truncate(keep);
                channel.force(true);
            }
        }
        channel.position(channel.size());
        return new PingLog(channel);
    }

    /**
     * Appends one ping as a line and forces it to disk.
     *
     * @param ping the ping
     * @throws IOException if writing fails
     */
    public synchronized void append(JsonNode ping) throws IOException {
        Objects.requireNonNull(ping, "ping");
        byte[] json = COMPACT.writeValueAsBytes(ping);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
    }

    /**
     * Returns the compact one-line JSON of a ping (without the newline).
     *
     * @param ping the ping
     * @return the line
     */
    public static String line(JsonNode ping) {
        return new String(COMPACT.writeValueAsBytes(ping), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Tells whether a log file exists and is not empty.
     *
     * @param file the file
     * @return true when it holds data
     * @throws IOException if its size cannot be read
     */
    public static boolean hasData(Path file) throws IOException {
        return Files.exists(file) && Files.size(file) > 0;
    }
}
