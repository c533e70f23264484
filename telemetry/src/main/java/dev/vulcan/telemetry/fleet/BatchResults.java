package dev.vulcan.telemetry.fleet;

import dev.vulcan.core.json.Json;
import dev.vulcan.telemetry.TelemetryPing;
import dev.vulcan.telemetry.checks.PingRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code batch-results.json} of a fleet batch: one entry per ping of the batch's {@code pings.jsonl}
 * ({@code repo_hash}, {@code scan_id}, {@code scan_status}, {@code timestamp}, {@code failure_reason}, {@code risk_score},
 * {@code agent_count}, {@code crew_count}, {@code frameworks}, {@code llm_providers},
 * {@code provider_confidence}; null where a failed ping has no value), sorted by repo_hash then timestamp.
 * It holds nothing that is not in the pings, so it is as shareable as they are.
 */
public final class BatchResults {

    private BatchResults() {
    }

    /**
     * Derives the batch results from the pings.
     *
     * @param pings the pings of the batch
     * @param generatedAt when the results are written
     * @return the document {@code {"schema_id": 3, "generated_at": ..., "repos": [...]}}
     */
    public static ObjectNode of(List<PingRow> pings, Instant generatedAt) {
        Objects.requireNonNull(pings, "pings");
        return document(pings.stream().map(r -> entry(r.ping())).toList(), generatedAt);
    }

    /**
     * Returns the batch-results entry of one ping.
     *
     * @param ping the ping
     * @return the entry
     */
    public static ObjectNode entry(JsonNode ping) {
        Objects.requireNonNull(ping, "ping");
        ObjectNode e = Json.object();
        for (String f : List.of("repo_hash", "scan_id", "scan_status", "timestamp")) {
            e.set(f, ping.has(f) ? ping.get(f) : Json.mapper().nullNode());
        }
        for (String f : List.of("failure_reason", "risk_score", "agent_count", "crew_count", "provider_confidence")) {
            e.set(f, ping.has(f) ? ping.get(f) : Json.mapper().nullNode());
        }
        for (String f : List.of("frameworks", "llm_providers")) {
            e.set(f, ping.has(f) ? ping.get(f) : Json.array());
        }
        return e;
    }

    /**
     * Assembles the document from entries, sorted by repo_hash then timestamp.
     *
     * @param entries the entries of {@link #entry}
     * @param generatedAt when the results are written
     * @return the document
     */
    public static ObjectNode document(List<ObjectNode> entries, Instant generatedAt) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(generatedAt, "generatedAt");
        ObjectNode doc = Json.object();
        doc.put("schema_id", TelemetryPing.SCHEMA_ID);
        doc.put("generated_at", generatedAt.toString());
        ArrayNode repos = doc.putArray("repos");
        entries.stream()
                .sorted(Comparator.comparing((JsonNode p) -> p.path("repo_hash").asString(""))
                        .thenComparing(p -> p.path("timestamp").asString("")))
                .forEach(repos::add);
        return doc;
    }
}
