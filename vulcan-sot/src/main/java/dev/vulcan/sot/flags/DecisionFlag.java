package dev.vulcan.sot.flags;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.severity.Severity;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decision flag raised on a run; its JSON form is valid against
 * {@code https://vulcan.dev/schemas/decision-flag/v1.json}.
 *
 * @param code the flag
 * @param severity its severity (critical, high, medium, low or info)
 * @param label the decision label
 * @param description what was found, with the numbers
 * @param triggeredBy what raised it, such as {@code sot:file_metrics}
 * @param evidenceRefs pointers to the evidence ({@code tool:loc}, {@code file_id:f-...})
 * @param thresholdValue the threshold crossed, null when the flag has none
 * @param actualValue the value that crossed it, null when the flag has none
 */
public record DecisionFlag(FlagCode code, Severity severity, DecisionLabel label, String description,
        String triggeredBy, List<String> evidenceRefs, Double thresholdValue, Double actualValue) {

    /**
     * Creates the flag.
     *
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if the severity is unknown (not allowed in flags)
     */
    public DecisionFlag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        evidenceRefs = List.copyOf(evidenceRefs);
        if (severity == Severity.UNKNOWN) {
            throw new IllegalArgumentException("a decision flag needs a known severity");
        }
    }

    /**
     * Returns the JSON form (decision-flag schema v1).
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("flag_code", code.code());
        node.put("severity", severity.code());
        node.put("decision_label", label.code());
        node.put("description", description);
        node.put("triggered_by", triggeredBy);
        ArrayNode refs = node.putArray("evidence_refs");
        evidenceRefs.forEach(refs::add);
        if (thresholdValue != null) {
            node.put("threshold_value", thresholdValue);
        }
        if (actualValue != null) {
            node.put("actual_value", actualValue);
        }
        return node;
    }
}
