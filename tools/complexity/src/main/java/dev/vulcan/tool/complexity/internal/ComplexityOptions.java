package dev.vulcan.tool.complexity.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool-specific parameters ({@code tool_specific} of the tool config).
 *
 * @param maxFileBytes files larger than this are skipped with an error (default 1,000,000)
 * @param parseTimeoutMillis the parse time limit per file (default 10,000)
 * @param threads the worker threads (default: available processors)
 */
public record ComplexityOptions(long maxFileBytes, long parseTimeoutMillis, int threads) {
    /** Default size cap per file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1_000_000L;
    /** Default parse time cap per file. */
    public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 10_000L;

    /**
     * Creates options.
     *
     * @throws IllegalArgumentException if a value is not positive
     */
    public ComplexityOptions {
        if (maxFileBytes <= 0 || parseTimeoutMillis <= 0 || threads <= 0) {
            throw new IllegalArgumentException("max_file_bytes, parse_timeout_ms and threads must be positive");
        }
    }

    /**
     * Reads the options, defaults for absent keys.
     *
     * @param toolSpecific the tool-specific object
     * @return the options
     * @throws IllegalArgumentException if a key is unknown or a value is not a positive integer
     */
    public static ComplexityOptions from(ObjectNode toolSpecific) {
        long maxBytes = DEFAULT_MAX_FILE_BYTES;
        long timeout = DEFAULT_PARSE_TIMEOUT_MILLIS;
        int threads = Runtime.getRuntime().availableProcessors();
        for (String key : toolSpecific.propertyNames()) {
            JsonNode v = toolSpecific.get(key);
            if (!v.isIntegralNumber() || v.asLong() <= 0) {
                throw new IllegalArgumentException("tool_specific." + key + " must be a positive integer");
            }
            switch (key) {
                case "max_file_bytes":
                    maxBytes = v.asLong();
                    break;
                case "parse_timeout_ms":
                    timeout = v.asLong();
                    break;
                case "threads":
                    threads = (int) Math.min(64, v.asLong());
                    break;
                default:
                    throw new IllegalArgumentException("unknown tool_specific key '" + key
                            + "' (known: max_file_bytes, parse_timeout_ms, threads)");
            }
        }
        return new ComplexityOptions(maxBytes, timeout, threads);
    }
}
