package dev.vulcan.core.artifact;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Parses of artifact bytes that {@link ArtifactIo} wrote in this process, each handed to the first reader of the same
 * bytes so that it does not parse them again: in {@code vulcan analyze}'s local mode the source of truth reads every
 * {@code output.json} right after the tool wrote it (15 MB for complexity on a mid-size repository, about 0.15 s of
 * parsing on the critical path of the import).
 *
 * <p>Why handing over is safe: the writer keeps the strict parse of the exact bytes it wrote (it parses them back to
 * check they read as strict JSON). Parsing is deterministic, so equal bytes give an equal tree, and the reader only
 * takes a tree after it has read the file and found the SHA-256 the tree was kept under (a collision would have to
 * be found on purpose). Every other check of a read still runs. Trees are mutable, so each is handed over once and
 * forgotten: no two readers ever share one, and the writer does not touch it after offering it.
 *
 * <p>Bounded: a parse of more than {@link #MAX_BYTES} bytes of JSON is not kept, and the oldest parses are dropped
 * while the ones kept add up to more (a parse never taken, say of a tool whose import was abandoned, holds memory
 * only until then). Thread-safe.
 */
final class ParsedArtifacts {

    /** The most bytes of JSON whose parses are kept at once (a parse takes several times its text's size). */
    static final long MAX_BYTES = 32L << 20;

    private static final ParsedArtifacts SHARED = new ParsedArtifacts(MAX_BYTES);

    private final long maxBytes;
    private final Map<String, Kept> bySha256 = new LinkedHashMap<>();
    private long keptBytes;

    /**
     * Creates an empty store (the shared one, or a small one in tests).
     *
     * @param maxBytes the most bytes of JSON whose parses are kept
     * @throws IllegalArgumentException if the bound is not positive
     */
    ParsedArtifacts(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Returns the store the process shares (the one {@link ArtifactIo} uses).
     *
     * @return the shared store
     */
    static ParsedArtifacts shared() {
        return SHARED;
    }

    /**
     * Keeps the strict parse of bytes just written, for the next reader of the same bytes; a parse of more than the
     * bound is not kept, and older parses are dropped to stay within it.
     *
     * @param sha256 the lowercase hex SHA-256 of the bytes
     * @param sizeBytes their length
     * @param parse their strict parse, not touched by the caller afterwards
     */
    synchronized void offer(String sha256, long sizeBytes, JsonNode parse) {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(parse, "parse");
        if (sizeBytes > maxBytes) {
            return;
        }
        Kept earlier = bySha256.remove(sha256);
        if (earlier != null) {
            keptBytes -= earlier.sizeBytes();
        }
        bySha256.put(sha256, new Kept(sizeBytes, parse));
        keptBytes += sizeBytes;
        for (Iterator<Kept> oldest = bySha256.values().iterator(); keptBytes > maxBytes; ) {
            keptBytes -= oldest.next().sizeBytes();
            oldest.remove();
        }
    }

    /**
     * Hands over the parse kept for these bytes, once: it is forgotten here.
     *
     * @param sha256 the lowercase hex SHA-256 of the bytes the caller read
     * @return the parse, or null when none is kept
     */
    synchronized JsonNode take(String sha256) {
        Kept kept = bySha256.remove(Objects.requireNonNull(sha256, "sha256"));
        if (kept == null) {
            return null;
        }
        keptBytes -= kept.sizeBytes();
        return kept.parse();
    }

    /**
     * Returns how many bytes of JSON the kept parses stand for.
     *
     * @return the sum of their sizes
     */
    synchronized long keptBytes() {
        return keptBytes;
    }

    private record Kept(long sizeBytes, JsonNode parse) {
    }
}
