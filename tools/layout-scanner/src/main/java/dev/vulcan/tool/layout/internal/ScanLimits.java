package dev.vulcan.tool.layout.internal;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Per-file caps on the content scan. Tool-specific parameters {@code max_file_bytes} (default 64 MiB) and
 * {@code max_file_seconds} (default 10) override the defaults.
 *
 * @param maxFileBytes files larger than this are listed but their content is read only to this size
 * @param maxFileTime the time one file's read may take
 */
public record ScanLimits(long maxFileBytes, Duration maxFileTime) {

    /** The default size cap. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The default time cap. */
    public static final Duration DEFAULT_MAX_FILE_TIME = Duration.ofSeconds(10);

    /**
     * Creates limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ScanLimits {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("max_file_bytes must be positive, got " + maxFileBytes);
        }
        if (maxFileTime == null || maxFileTime.isZero() || maxFileTime.isNegative()) {
            throw new IllegalArgumentException("max_file_seconds must be positive, got " + maxFileTime);
        }
    }

    /**
     * Returns the default limits.
     *
     * @return the limits
     */
    public static ScanLimits defaults() {
        return new ScanLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_TIME);
    }

    /**
     * Reads the limits from the tool-specific parameters.
     *
     * @param toolSpecific the parameters object
     * @return the limits, defaults for absent parameters
     * @throws IllegalArgumentException if a parameter is not a positive integer
     */
    public static ScanLimits fromToolSpecific(JsonNode toolSpecific) {
        long bytes = positive(toolSpecific, "max_file_bytes", DEFAULT_MAX_FILE_BYTES);
        long seconds = positive(toolSpecific, "max_file_seconds", DEFAULT_MAX_FILE_TIME.toSeconds());
        return new ScanLimits(bytes, Duration.ofSeconds(seconds));
    }

    private static long positive(JsonNode params, String name, long fallback) {
        JsonNode value = params == null ? null : params.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            throw new IllegalArgumentException("tool parameter " + name + " must be a positive integer, got " + value);
        }
        return value.asLong();
    }
}
