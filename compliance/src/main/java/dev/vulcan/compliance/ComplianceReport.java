package dev.vulcan.compliance;

import dev.vulcan.core.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compliance report of one validator run: one {@link ToolReport} per tool module, in name order.
 *
 * @param generatedAt when the validation finished
 * @param runAnalysis whether the output contract was checked
 * @param runEvaluate whether the evaluation was checked
 * @param tools the per-tool reports
 * @param durationMillis how long the whole validation took
 */
public record ComplianceReport(Instant generatedAt, boolean runAnalysis, boolean runEvaluate, List<ToolReport> tools,
        long durationMillis) {

    /** The version of the report's JSON format. */
    public static final String FORMAT_VERSION = "1.0.0";

    private static final int MAX_EVIDENCE_IN_MARKDOWN = 5;
    private static final int MAX_CELL = 300;

    /**
     * Creates a report.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the duration is negative
     */
    public ComplianceReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        tools = List.copyOf(tools);
        if (durationMillis < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMillis);
        }
    }

    /**
     * Tells whether every gate of every tool passed.
     *
     * @return true when no check failed
     */
    public boolean passed() {
        return tools.stream().allMatch(ToolReport::passed);
    }

    /**
     * Returns the report of one tool.
     *
     * @param toolName the tool
     * @return its report, if the tool was validated
     */
    public Optional<ToolReport> tool(String toolName) {
        Objects.requireNonNull(toolName, "toolName");
        return tools.stream().filter(t -> t.toolName().equals(toolName)).findFirst();
    }

    /**
     * Returns the JSON form: {@code {"report_version", "generated_at", "passed", "run_analysis",
     * "run_evaluate", "duration_ms", "tools": [...]}}.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("report_version", FORMAT_VERSION);
        node.put("generated_at", generatedAt.toString());
        node.put("passed", passed());
        node.put("run_analysis", runAnalysis);
        node.put("run_evaluate", runEvaluate);
        node.put("duration_ms", durationMillis);
        ArrayNode items = node.putArray("tools");
        tools.forEach(t -> items.add(t.toJson()));
        return node;
    }

    /**
     * Returns the Markdown form: a summary table, then one table of checks per tool.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Tool compliance report\n\n");
        md.append("Generated ").append(generatedAt).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", durationMillis / 1000.0))
                .append("; output contract ").append(runAnalysis ? "checked" : "not checked (no --run-analysis)")
                .append("; evaluation ").append(runEvaluate ? "checked" : "not checked (no --run-evaluate)")
                .append(".\n\n**Result: ").append(passed() ? "PASS" : "FAIL").append("**\n\n");
        md.append("| tool | result | pass | fail | skip |\n|---|---|---|---|---|\n");
        for (ToolReport tool : tools) {
            md.append("| ").append(tool.toolName()).append(" | ").append(tool.passed() ? "PASS" : "FAIL");
            for (Outcome outcome : Outcome.values()) {
                md.append(" | ").append(tool.results().stream().filter(r -> r.outcome() == outcome).count());
            }
            md.append(" |\n");
        }
        for (ToolReport tool : tools) {
            md.append("\n## ").append(tool.toolName()).append(" — ").append(tool.passed() ? "PASS" : "FAIL")
                    .append("\n\n| check | result | message | evidence |\n|---|---|---|---|\n");
            for (CheckResult result : tool.results()) {
                List<String> evidence = result.evidence();
                String shown = String.join("; ", evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE_IN_MARKDOWN)))
                        + (evidence.size() > MAX_EVIDENCE_IN_MARKDOWN
                                ? " (+" + (evidence.size() - MAX_EVIDENCE_IN_MARKDOWN) + " more in the JSON report)" : "");
                md.append("| `").append(result.check().id()).append("` | ")
                        .append(result.outcome().code().toUpperCase(Locale.ROOT))
                        .append(" | ").append(cell(result.message())).append(" | ").append(cell(shown)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        String flat = text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL) + "…";
    }
}
