package dev.vulcan.compliance;

import dev.vulcan.core.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compliance results of one tool module, in check order.
 *
 * @param toolName the tool (its folder name under {@code tools/})
 * @param results one result per check
 * @param durationMillis how long the validation of this tool took
 */
public record ToolReport(String toolName, List<CheckResult> results, long durationMillis) {

    /**
     * Creates a report.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a check appears twice or the duration is negative
     */
    public ToolReport {
        Objects.requireNonNull(toolName, "toolName");
        results = List.copyOf(results);
        if (results.stream().map(CheckResult::check).distinct().count() != results.size()) {
            throw new IllegalArgumentException("a check appears twice in the report of " + toolName);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMillis);
        }
    }

    /**
     * Tells whether every gate passed (skips do not fail a gate).
     *
     * @return true when no result failed
     */
    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed);
    }

    /**
     * Returns the result of one check, if it is in the report.
     *
     * @param check the check
     * @return the result
     */
    public Optional<CheckResult> result(CheckId check) {
        Objects.requireNonNull(check, "check");
        return results.stream().filter(r -> r.check() == check).findFirst();
    }

    /**
     * Returns the failed results.
     *
     * @return the failures, in check order
     */
    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }

    /**
     * Returns the JSON form: {@code {"tool", "passed", "duration_ms", "counts", "checks": [...]}}.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("tool", toolName);
        node.put("passed", passed());
        node.put("duration_ms", durationMillis);
        ObjectNode counts = node.putObject("counts");
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.code(), results.stream().filter(r -> r.outcome() == outcome).count());
        }
        ArrayNode checks = node.putArray("checks");
        results.forEach(r -> checks.add(r.toJson()));
        return node;
    }
}
