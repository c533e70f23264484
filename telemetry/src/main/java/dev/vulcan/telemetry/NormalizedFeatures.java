package dev.vulcan.telemetry;

import dev.vulcan.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code normalized_features} of a ping (telemetry v7, P4): six ratios comparable across repos of
 * different sizes, each 0 when its denominator is 0 (the seed's zero guards).
 *
 * @param findingsPerAgent {@code finding_count / agent_count}
 * @param findingsPerCrew {@code finding_count / crew_count}
 * @param guardrailsPerAgent {@code guardrail_count / agent_count}
 * @param toolsPerAgent {@code total_tool_count / agent_count}
 * @param externalExposureRatio external capabilities / all capabilities (over the detected tools)
 * @param guardrailCoverageRatio findings mitigated by at least one guardrail / {@code finding_count}: the
 *     seed's stated meaning ("what fraction of findings have a guardrail that addresses them"), always within
 *     [0, 1]; its shorthand formula {@code guardrail_linked_count / finding_count} counts guardrails, not
 *     findings, and can exceed 1 (see README.md)
 */
public record NormalizedFeatures(double findingsPerAgent, double findingsPerCrew, double guardrailsPerAgent,
        double toolsPerAgent, double externalExposureRatio, double guardrailCoverageRatio) {

    /**
     * Computes the ratios.
     *
     * @param findingCount findings
     * @param agentCount agents
     * @param crewCount crews
     * @param guardrailCount guardrails
     * @param totalToolCount distinct tools used by agents
     * @param externalCapabilities external capabilities
     * @param capabilities all capabilities
     * @param findingsWithGuardrail findings mitigated by a guardrail
     * @return the features
     * @throws IllegalArgumentException if a count is negative or a part exceeds its whole
     */
    public static NormalizedFeatures of(int findingCount, int agentCount, int crewCount, int guardrailCount,
            int totalToolCount, int externalCapabilities, int capabilities, int findingsWithGuardrail) {
        for (int c : new int[] {findingCount, agentCount, crewCount, guardrailCount, totalToolCount,
                externalCapabilities, capabilities, findingsWithGuardrail}) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + c);
            }
        }
        if (externalCapabilities > capabilities || findingsWithGuardrail > findingCount) {
            throw new IllegalArgumentException("a part exceeds its whole: external capabilities "
                    + externalCapabilities + "/" + capabilities + ", mitigated findings " + findingsWithGuardrail
                    + "/" + findingCount);
        }
        return new NormalizedFeatures(ratio(findingCount, agentCount), ratio(findingCount, crewCount),
                ratio(guardrailCount, agentCount), ratio(totalToolCount, agentCount),
                ratio(externalCapabilities, capabilities), ratio(findingsWithGuardrail, findingCount));
    }

    /**
     * Divides with the seed's zero guard.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @return {@code numerator / denominator}, or 0 when the denominator is 0
     */
    public static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /**
     * Returns the ping's {@code normalized_features} object.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("findings_per_agent", findingsPerAgent);
        n.put("findings_per_crew", findingsPerCrew);
        n.put("guardrails_per_agent", guardrailsPerAgent);
        n.put("tools_per_agent", toolsPerAgent);
        n.put("external_exposure_ratio", externalExposureRatio);
        n.put("guardrail_coverage_ratio", guardrailCoverageRatio);
        return n;
    }
}
