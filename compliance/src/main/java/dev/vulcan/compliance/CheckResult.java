package dev.vulcan.compliance;

import dev.vulcan.core.json.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of one check on one tool.
 *
 * @param check the check
 * @param outcome pass, fail or skip
 * @param message what was found (for a failure: what is wrong; for a skip: why it did not run)
 * @param evidence the facts behind the outcome: exit statuses, JSON pointers, file names, digests
 */
public record CheckResult(CheckId check, Outcome outcome, String message, List<String> evidence) {

    /**
     * Creates a result.
     *
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the message is blank
     */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a check result needs a message: " + check.id());
        }
        evidence = List.copyOf(evidence);
    }

    /**
     * Returns a passing result.
     *
     * @param check the check
     * @param message what was verified
     * @param evidence the facts
     * @return the result
     */
    public static CheckResult pass(CheckId check, String message, List<String> evidence) {
        return new CheckResult(check, Outcome.PASS, message, evidence);
    }

    /**
     * Returns a failing result.
     *
     * @param check the check
     * @param message what is wrong
     * @param evidence the facts
     * @return the result
     */
    public static CheckResult fail(CheckId check, String message, List<String> evidence) {
        return new CheckResult(check, Outcome.FAIL, message, evidence);
    }

    /**
     * Returns a skipped result.
     *
     * @param check the check
     * @param reason why it did not run
     * @return the result
     */
    public static CheckResult skip(CheckId check, String reason) {
        return new CheckResult(check, Outcome.SKIP, reason, List.of());
    }

    /**
     * Tells whether this result fails the gate.
     *
     * @return true for {@link Outcome#FAIL}
     */
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /**
     * Returns the JSON form: {@code {"id", "group", "rule", "result", "message", "evidence"}}.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", check.id());
        node.put("group", check.group().code());
        node.put("rule", check.rule());
        node.put("result", outcome.code());
        node.put("message", message);
        ArrayNode items = node.putArray("evidence");
        evidence.forEach(items::add);
        return node;
    }
}
