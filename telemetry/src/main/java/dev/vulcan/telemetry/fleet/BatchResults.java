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
 * ({@code repo_hash}, {@code scan_id}, {@code scan_status}, {@code failure_reason}, {@code risk_score},
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
        Objects.requireNonNull(generatedAt, "generatedAt");
        ObjectNode doc = Json.object();
        doc.put("schema_id", TelemetryPing.SCHEMA_ID);
        doc.put("generated_at", generatedAt.toString());
        ArrayNode repos = doc.putArray("repos");
        pings.stream().map(PingRow::ping)
                .sorted(Comparator.comparing((JsonNode p) -> p.path("repo_hash").asString(""))
                        .thenComparing(p -> p.path("timestamp").asString("")))
                .forEach(p -> {
                    ObjectNode e = repos.addObject();
                    for (String f : List.of("repo_hash", "scan_id", "scan_status")) {
                        e.set(f, p.get(f));
                    }
                    for (String f : List.of("failure_reason", "risk_score", "agent_count", "crew_count",
                            "provider_confidence")) {
                        e.set(f, p.has(f) ? p.get(f) : Json.mapper().nullNode());
                    }
                    for (String f : List.of("frameworks", "llm_providers")) {
                        e.set(f, p.has(f) ? p.get(f) : Json.array());
                    }
                });
        return doc;
    }
}
