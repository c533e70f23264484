package dev.vulcan.sot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The outcome of {@link SourceOfTruth#importRun(RunImportRequest)}: one result per tool folder found, plus
 * the landing-check issues recorded for the run.
 *
 * @param runId the run
 * @param replaced true when the data of an earlier import was replaced
 * @param tools one result per tool, layout-scanner first, then by name
 * @param issues the landing-check issues recorded in {@code data_quality_issues}
 */
public record ImportReport(UUID runId, boolean replaced, List<ToolImportResult> tools, List<DataQualityIssue> issues) {

    /**
     * Creates the report.
     *
     * @throws NullPointerException if a component is null
     */
    public ImportReport {
        Objects.requireNonNull(runId, "runId");
        tools = List.copyOf(tools);
        issues = List.copyOf(issues);
    }

    /**
     * Returns the result of one tool.
     *
     * @param toolName the tool
     * @return its result, empty when it had no folder
     */
    public Optional<ToolImportResult> tool(String toolName) {
        Objects.requireNonNull(toolName, "toolName");
        return tools.stream().filter(t -> t.toolName().equals(toolName)).findFirst();
    }

    /**
     * Counts the tools with a status.
     *
     * @param status the status
     * @return how many tools ended so
     */
    public long count(ToolImportStatus status) {
        Objects.requireNonNull(status, "status");
        return tools.stream().filter(t -> t.status() == status).count();
    }
}
