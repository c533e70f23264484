package dev.vulcan.core.envelope;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.VulcanSchemas;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The execution metadata of one tool run ({@code metadata.json}), written for failed runs too.
 *
 * @param toolName the tool name
 * @param toolVersion the tool version
 * @param schemaVersion the tool's output schema version
 * @param runId the collection run
 * @param repoId the repository
 * @param branch the branch analyzed
 * @param commit the full commit SHA analyzed
 * @param startedAt when the analysis started
 * @param completedAt when it ended
 * @param durationSeconds how long it took
 * @param exitCode the process exit status
 * @param status how it ended
 * @param filesAnalyzed how many files were analyzed
 * @param errors the errors met
 * @param output the digest of {@code output.json}, null when no output was written
 */
public record ExecutionMetadata(
        String toolName,
        String toolVersion,
        String schemaVersion,
        UUID runId,
        UUID repoId,
        String branch,
        String commit,
        Instant startedAt,
        Instant completedAt,
        double durationSeconds,
        int exitCode,
        ExecutionStatus status,
        int filesAnalyzed,
        List<ToolError> errors,
        OutputDigest output) {

    /**
     * The size and SHA-256 of an {@code output.json}, so that a reader detects truncation or substitution.
     *
     * @param sha256 lower-case hex SHA-256 of the file bytes
     * @param sizeBytes the file size
     */
    public record OutputDigest(String sha256, long sizeBytes) {

        /**
         * Creates a digest.
         *
         * @throws IllegalArgumentException if the hash is not 64 hex characters or the size is not positive
         */
        public OutputDigest {
            Objects.requireNonNull(sha256, "sha256");
            if (!sha256.matches("^[0-9a-f]{64}$") || sizeBytes <= 0) {
                throw new IllegalArgumentException("invalid output digest: " + sha256 + " / " + sizeBytes);
            }
        }
    }

    /**
     * Creates the metadata.
     *
     * @throws IllegalArgumentException if the status and the output disagree (a failed run has no output,
     *     any other run has one) or a field is invalid
     */
    public ExecutionMetadata {
        VulcanSchemas.requireToolName(toolName);
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(branch, "branch");
        Commits.requireFullSha(commit);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        if ((status == ExecutionStatus.FAILED) != (output == null)) {
            throw new IllegalArgumentException("a failed execution has no output; any other has one (status "
                    + status.code() + ")");
        }
    }

    /**
     * Creates the metadata of an execution that wrote an output: identifiers, counts and errors come from the
     * envelope, the status is {@code success} without errors and {@code partial} with errors.
     *
     * @param envelope the envelope that was written
     * @param startedAt when the analysis started
     * @param digest the digest of the written {@code output.json}
     * @return the metadata
     */
    public static ExecutionMetadata forOutput(Envelope envelope, Instant startedAt, OutputDigest digest) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(digest, "digest");
        EnvelopeMetadata m = envelope.metadata();
        ExecutionStatus status = envelope.errors().isEmpty() ? ExecutionStatus.SUCCESS : ExecutionStatus.PARTIAL;
        return new ExecutionMetadata(m.toolName(), m.toolVersion(), m.schemaVersion(), m.runId(), m.repoId(),
                m.branch(), m.commit(), startedAt, m.timestamp(), m.durationSeconds(), m.exitCode(), status,
                m.filesAnalyzed(), envelope.errors(), digest);
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
        node.put("schema_version", schemaVersion);
        node.put("run_id", runId.toString());
        node.put("repo_id", repoId.toString());
        node.put("branch", branch);
        node.put("commit", commit);
        node.put("started_at", startedAt.toString());
        node.put("completed_at", completedAt.toString());
        node.put("duration_seconds", durationSeconds);
        node.put("exit_code", exitCode);
        node.put("status", status.code());
        node.put("files_analyzed", filesAnalyzed);
        node.put("error_count", errors.size());
        ArrayNode array = node.putArray("errors");
        errors.forEach(e -> array.add(e.toJson()));
        if (output != null) {
            ObjectNode out = node.putObject("output");
            out.put("file", "output.json");
            out.put("sha256", output.sha256());
            out.put("size_bytes", output.sizeBytes());
        }
        return node;
    }

    /**
     * Reads the JSON form of a document validated against the execution metadata schema.
     *
     * @param node the document
     * @return the metadata
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static ExecutionMetadata fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode out = node.get("output");
        OutputDigest digest = out == null || out.isNull() ? null
                : new OutputDigest(Fields.text(out, "sha256"), out.path("size_bytes").asLong(0));
        return new ExecutionMetadata(Fields.text(node, "tool_name"), Fields.text(node, "tool_version"),
                Fields.text(node, "schema_version"), Fields.uuid(node, "run_id"), Fields.uuid(node, "repo_id"),
                Fields.text(node, "branch"), Fields.text(node, "commit"), Fields.instant(node, "started_at"),
                Fields.instant(node, "completed_at"), node.path("duration_seconds").asDouble(0),
                node.path("exit_code").asInt(0), ExecutionStatus.fromCode(Fields.text(node, "status")),
                node.path("files_analyzed").asInt(0), Fields.errors(node.get("errors")), digest);
    }
}
