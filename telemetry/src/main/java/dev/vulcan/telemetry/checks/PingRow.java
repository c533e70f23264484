package dev.vulcan.telemetry.checks;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One ping of a {@code pings.jsonl} file with its 1-based line number.
 *
 * @param line the line number
 * @param ping the ping
 */
public record PingRow(int line, JsonNode ping) {

    /**
     * Creates a row.
     *
     * @throws IllegalArgumentException if the line is not positive
     */
    public PingRow {
        Objects.requireNonNull(ping, "ping");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }

    /**
     * Returns a short label of the row for reports: line, repo_hash and scan_id (never anything private).
     *
     * @return the label
     */
    public String label() {
        return "line " + line + " (repo_hash " + text("repo_hash") + ", scan_id " + text("scan_id") + ")";
    }

    private String text(String field) {
        JsonNode v = ping.get(field);
        return v != null && v.isString() ? v.asString() : "?";
    }
}
