package dev.vulcan.sot.flags;

import dev.vulcan.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A claim with its epistemic metadata; its JSON form is valid against
 * {@code https://vulcan.dev/schemas/epistemic-claim/v1.json}.
 *
 * @param claimId a stable id, {@code <run_id>:<name>}
 * @param statement the claim in words
 * @param type FACT, DERIVED or EVALUATION
 * @param evidenceRefs {@code kind:value} pointers to the evidence
 * @param confidence confidence in [0, 1]; required for DERIVED and EVALUATION, null allowed for FACT
 * @param confidenceExplanation why that confidence, null when there is none
 * @param runId the run (as_of)
 * @param commit the commit (as_of)
 * @param toolVersions the versions of the tools behind the evidence (as_of)
 */
public record EpistemicClaim(String claimId, String statement, ClaimType type, List<String> evidenceRefs,
        Double confidence, String confidenceExplanation, UUID runId, String commit, Map<String, String> toolVersions) {

    /**
     * Creates the claim.
     *
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if there is no evidence, or a DERIVED or EVALUATION claim has no
     *     confidence, or the confidence is outside [0, 1]
     */
    public EpistemicClaim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(type, "type");
        evidenceRefs = List.copyOf(evidenceRefs);
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(commit, "commit");
        toolVersions = Map.copyOf(toolVersions);
        if (evidenceRefs.isEmpty()) {
            throw new IllegalArgumentException("claim " + claimId + " needs evidence");
        }
        if (type != ClaimType.FACT && confidence == null) {
            throw new IllegalArgumentException("a " + type.code() + " claim needs a confidence");
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], got " + confidence);
        }
    }

    /**
     * Returns the JSON form (epistemic-claim schema v1).
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("claim_id", claimId);
        node.put("statement", statement);
        node.put("claim_type", type.code());
        ArrayNode refs = node.putArray("evidence_refs");
        evidenceRefs.forEach(refs::add);
        if (confidence != null) {
            node.put("confidence", confidence);
        }
        if (confidenceExplanation != null) {
            node.put("confidence_explanation", confidenceExplanation);
        }
        ObjectNode asOf = node.putObject("as_of");
        asOf.put("run_id", runId.toString());
        asOf.put("commit", commit);
        ObjectNode versions = asOf.putObject("tool_versions");
        new TreeMap<>(toolVersions).forEach(versions::put);
        return node;
    }
}
