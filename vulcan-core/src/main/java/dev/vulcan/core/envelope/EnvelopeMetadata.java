package dev.vulcan.core.envelope;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.VulcanSchemas;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata} block of a tool output envelope.
 *
 * @param toolName the tool name
 * @param toolVersion the tool version
 * @param runId the collection run
 * @param repoId the repository
 * @param branch the branch analyzed
 * @param commit the full commit SHA analyzed
 * @param timestamp when the output was produced
 * @param durationSeconds how long the analysis took
 * @param exitCode the process exit status
 * @param filesAnalyzed how many files the tool analyzed
 * @param schemaVersion the version of the tool's output schema (MAJOR.MINOR.PATCH)
 */
public record EnvelopeMetadata(
        String toolName,
        String toolVersion,
        UUID runId,
        UUID repoId,
        String branch,
        String commit,
        Instant timestamp,
        double durationSeconds,
        int exitCode,
        int filesAnalyzed,
        String schemaVersion) {

    /**
     * Creates the metadata.
     *
     * @throws IllegalArgumentException if the tool name, commit or a count is invalid
     */
    public EnvelopeMetadata {
        VulcanSchemas.requireToolName(toolName);
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(branch, "branch");
        Commits.requireFullSha(commit);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        if (durationSeconds < 0 || filesAnalyzed < 0 || exitCode < 0) {
            throw new IllegalArgumentException("duration, exit code and files analyzed must not be negative");
        }
    }

    /**
     * Returns the JSON form.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("tool_name", toolName);
        node.put("tool_version", toolVersion);
        node.put("run_id", runId.toString());
        node.put("repo_id", repoId.toString());
        node.put("branch", branch);
        node.put("commit", commit);
        node.put("timestamp", timestamp.toString());
        node.put("duration_seconds", durationSeconds);
        node.put("exit_code", exitCode);
        node.put("files_analyzed", filesAnalyzed);
        node.put("schema_version", schemaVersion);
        return node;
    }

    /**
     * Reads the JSON form of a validated envelope's metadata.
     *
     * @param node the metadata node
     * @return the metadata
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static EnvelopeMetadata fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return new EnvelopeMetadata(Fields.text(node, "tool_name"), Fields.text(node, "tool_version"),
                Fields.uuid(node, "run_id"), Fields.uuid(node, "repo_id"), Fields.text(node, "branch"),
                Fields.text(node, "commit"), Fields.instant(node, "timestamp"),
                node.path("duration_seconds").asDouble(0), node.path("exit_code").asInt(0),
                node.path("files_analyzed").asInt(0), Fields.text(node, "schema_version"));
    }
}
