package dev.vulcan.core.artifact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The schema verdicts this process has already reached on exact artifact bytes: a bounded, in-memory record of
 * (schema id, JSON pointer of the validated part, SHA-256 of the bytes) triples that <em>passed</em> validation.
 * {@link ArtifactIo} consults it so that the same bytes are validated against the same schema once per process,
 * not once per reader (in {@code vulcan analyze} the tool's executor, the orchestrator's collector and the
 * source-of-truth import all read the same {@code output.json}).
 *
 * <p>Why skipping is safe: a verdict is a pure function of (schema, document). The schemas are static classpath
 * resources, compiled once per process by {@link dev.vulcan.core.schema.SchemaValidator#shared()} and never
 * fetched from the network, so a schema id names the same schema for the life of the process. The document is
 * the strict parse of the bytes, and parsing is deterministic, so equal bytes give an equal document; SHA-256
 * stands for the bytes (a collision would have to be found on purpose, which is not practical). Hence equal
 * (schema id, pointer, SHA-256) gives the same verdict. Only verdicts of success are kept: a failed validation
 * is never recorded, so invalid bytes are validated (and rejected, with every problem listed) on each read.
 * The record only replaces the schema validation: every other check of {@link ArtifactIo#read} (file sizes,
 * the digest recorded in {@code metadata.json}, strict UTF-8 JSON, metadata schema, metadata/output agreement)
 * and every check of its callers (run ids, path rules, adapters' own rules) runs on every read.
 *
 * <p>Verdicts are recorded only by {@link ArtifactIo}, after a validation it ran itself on the parse of the exact
 * bytes; nothing outside this package can add one. The record keeps at most {@link #CAPACITY} verdicts and drops
 * the least recently used one beyond that. Thread-safe.
 */
public final class ValidatedArtifacts {

    /** The most verdicts kept (each is a few hundred bytes). */
    public static final int CAPACITY = 4096;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ValidatedArtifacts SHARED = new ValidatedArtifacts(CAPACITY);

    private final int capacity;
    private final Map<Verdict, Boolean> passed;

    /**
     * Creates an empty record (the shared one, or a small one in tests).
     *
     * @param capacity the most verdicts kept
     * @throws IllegalArgumentException if the capacity is not positive
     */
    ValidatedArtifacts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.passed = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Verdict, Boolean> eldest) {
                return size() > ValidatedArtifacts.this.capacity;
            }
        };
    }

    /**
     * Returns the record the process shares (the one {@link ArtifactIo} uses).
     *
     * @return the shared record
     */
    public static ValidatedArtifacts shared() {
        return SHARED;
    }

    /**
     * Tells whether the bytes with this SHA-256 passed validation against this schema in this process.
     *
     * @param schemaId the schema id
     * @param pointer the JSON pointer of the validated part of the document ("" for the whole, {@code /data})
     * @param sha256 the lowercase hex SHA-256 of the exact bytes
     * @return true when a passing verdict is recorded
     * @throws IllegalArgumentException if the SHA-256 is not 64 lowercase hex digits
     */
    public synchronized boolean hasPassed(String schemaId, String pointer, String sha256) {
        return passed.get(new Verdict(schemaId, pointer, sha256)) != null; // get, not containsKey: refreshes recency
    }

    /**
     * Records that the parse of the bytes with this SHA-256 passed validation against this schema. Only
     * {@link ArtifactIo} calls it, right after such a validation.
     *
     * @param schemaId the schema id
     * @param pointer the JSON pointer of the validated part
     * @param sha256 the lowercase hex SHA-256 of the exact bytes
     * @throws IllegalArgumentException if the SHA-256 is not 64 lowercase hex digits
     */
    synchronized void recordPassed(String schemaId, String pointer, String sha256) {
        passed.put(new Verdict(schemaId, pointer, sha256), Boolean.TRUE);
    }

    /**
     * Returns how many verdicts are kept.
     *
     * @return the count, at most {@link #CAPACITY}
     */
    public synchronized int size() {
        return passed.size();
    }

    /**
     * Forgets every verdict, so the next read of any artifact validates it again (benchmarks use it to measure a
     * fresh process).
     */
    public synchronized void clear() {
        passed.clear();
    }

    /** One passing verdict. */
    private record Verdict(String schemaId, String pointer, String sha256) {
        Verdict {
            Objects.requireNonNull(schemaId, "schemaId");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(sha256, "sha256");
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("not a lowercase hex SHA-256: '" + sha256 + "'");
            }
        }
    }
}
