package dev.vulcan.core.artifact;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.EnvelopeMetadata;
import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.internal.Hashing;
import dev.vulcan.core.internal.JsonTrees;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes tool artifacts: {@code {output}/{tool}/output.json} and {@code metadata.json}.
 *
 * <p>Writing validates first (envelope schema, tool schema, metadata schema) and writes nothing when
 * validation fails. The verdict the writer records in {@link ValidatedArtifacts} is about the strict parse of the
 * exact bytes about to be written, the same document every reader will parse: the in-memory tree is validated on
 * a second thread while it is serialized, hashed and parsed back, and that verdict is used only when the parse
 * is the same document as the tree ({@link JsonTrees#sameDocument}: same structure, strings and numeric values);
 * otherwise (a value that does not survive serialization, such as a NaN written as a string) the parse itself
 * is validated. Each file is written to a temporary file in the same directory and renamed into place,
 * so a reader never sees a half-written file; {@code metadata.json} is written last and carries the SHA-256
 * of {@code output.json}, so a reader can tell a complete artifact from an interrupted or tampered one.
 */
public final class ArtifactIo {

    /** The output file name. */
    public static final String OUTPUT_FILE = "output.json";
    /** The execution metadata file name. */
    public static final String METADATA_FILE = "metadata.json";
    /** The optional debug log folder name. */
    public static final String LOGS_DIR = "logs";

    /** The JSON pointers of the validated parts of an output document: the whole (envelope) and its data. */
    private static final String WHOLE = "";
    private static final String DATA = "/data";

    private ArtifactIo() {
    }

    /**
     * Returns a tool's output directory, {@code {outputRoot}/{toolName}}.
     *
     * @param outputRoot the run's output root
     * @param toolName the tool name
     * @return the directory (not created)
     * @throws IllegalArgumentException if the tool name is invalid
     */
    public static Path toolDir(Path outputRoot, String toolName) {
        Objects.requireNonNull(outputRoot, "outputRoot");
        return outputRoot.resolve(VulcanSchemas.requireToolName(toolName));
    }

    /**
     * Validates and writes a tool's output and its execution metadata.
     *
     * @param outputRoot the run's output root
     * @param envelope the envelope to write
     * @param toolSchemaId the id of the tool's output schema, which validates {@code data}
     * @param startedAt when the analysis started
     * @return the metadata written
     * @throws dev.vulcan.core.schema.SchemaValidationException if the envelope or its data is invalid; nothing
     *     is written then
     * @throws InvalidJsonException if the serialized envelope does not read back as strict JSON (for instance a
     *     string beyond the reader's limits), so no reader could use it; nothing is written then
     * @throws IOException if the files cannot be written
     */
    public static ExecutionMetadata writeOutput(Path outputRoot, Envelope envelope, String toolSchemaId,
            Instant startedAt) throws IOException {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(toolSchemaId, "toolSchemaId");
        Objects.requireNonNull(startedAt, "startedAt");
        Path dir = toolDir(outputRoot, envelope.metadata().toolName());
        String outputName = dir.resolve(OUTPUT_FILE).toString();
        SchemaValidator validator = SchemaValidator.shared();
        JsonNode tree = envelope.toJson();
        FutureTask<Void> treeValidation = new FutureTask<>(() -> {
            requireValidOutput(validator, toolSchemaId, tree, outputName);
            return null;
        });
        Thread validating = new Thread(treeValidation, "vulcan-artifact-validation");
        validating.setDaemon(true);
        validating.start();
        byte[] bytes;
        String sha256;
        JsonNode json;
        try {
            bytes = Json.toBytes(tree);
            sha256 = Hashing.sha256Hex(bytes);
            json = Json.parse(bytes, outputName);
        } catch (RuntimeException | Error e) {
            treeValidation.cancel(true);
            throw e;
        }
        if (JsonTrees.sameDocument(tree, json)) {
            awaitVerdict(treeValidation, outputName);
        } else {
            treeValidation.cancel(true);
            requireValidOutput(validator, toolSchemaId, json, outputName);
        }
        ValidatedArtifacts verdicts = ValidatedArtifacts.shared();
        verdicts.recordPassed(VulcanSchemas.ENVELOPE, WHOLE, sha256);
        verdicts.recordPassed(toolSchemaId, DATA, sha256);
        ExecutionMetadata metadata = ExecutionMetadata.forOutput(envelope, startedAt,
                new ExecutionMetadata.OutputDigest(sha256, bytes.length));
        JsonNode metadataJson = metadata.toJson();
        validator.requireValid(VulcanSchemas.EXECUTION_METADATA, metadataJson, dir.resolve(METADATA_FILE).toString());

        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(METADATA_FILE));
        writeAtomically(dir.resolve(OUTPUT_FILE), bytes);
        writeAtomically(dir.resolve(METADATA_FILE), Json.toBytes(metadataJson));
        ParsedArtifacts.shared().offer(sha256, bytes.length, json);
        return metadata;
    }

    /** Validates an output document: the envelope schema on the whole, the tool's schema on its data. */
    private static void requireValidOutput(SchemaValidator validator, String toolSchemaId, JsonNode json,
            String outputName) {
        validator.requireValid(VulcanSchemas.ENVELOPE, json, outputName);
        validator.requireValid(toolSchemaId, json.get("data"), outputName + " (data)");
    }

    /** Waits for the validation of the tree and rethrows its failure as it was thrown. */
    private static void awaitVerdict(FutureTask<Void> validation, String outputName) throws IOException {
        try {
            validation.get();
        } catch (InterruptedException e) {
            validation.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while validating " + outputName);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("validation of " + outputName + " failed", cause);
        }
    }

    /**
     * Writes the metadata of a failed execution and removes any stale {@code output.json} of the tool.
     *
     * @param outputRoot the run's output root
     * @param metadata metadata with status {@code failed}
     * @throws IllegalArgumentException if the status is not failed
     * @throws IOException if the file cannot be written
     */
    public static void writeFailure(Path outputRoot, ExecutionMetadata metadata) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.status() != ExecutionStatus.FAILED) {
            throw new IllegalArgumentException("writeFailure needs a failed execution, got " + metadata.status().code());
        }
        Path dir = toolDir(outputRoot, metadata.toolName());
        JsonNode json = metadata.toJson();
        SchemaValidator.shared().requireValid(VulcanSchemas.EXECUTION_METADATA, json, dir.resolve(METADATA_FILE).toString());
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(METADATA_FILE));
        Files.deleteIfExists(dir.resolve(OUTPUT_FILE));
        writeAtomically(dir.resolve(METADATA_FILE), Json.toBytes(json));
    }

    /**
     * Reads and checks a tool artifact: metadata schema, output digest (size and SHA-256), envelope schema,
     * tool schema, and that metadata, envelope and directory name agree on tool, run, repo, commit and schema
     * version.
     *
     * <p>The output is read and parsed once; the parse is not even repeated when this process wrote the same bytes
     * and no reader took their parse yet (see {@code ParsedArtifacts}). Its envelope and tool-schema validations are
     * skipped when the exact same bytes (same SHA-256) already passed the same schema in this process, written or
     * read through this class (see {@link ValidatedArtifacts}); every other check runs on every read.
     *
     * @param toolDir the tool's output directory, {@code {output}/{tool}}
     * @param toolSchemaId the tool's output schema id used to validate {@code data}
     * @return the artifact
     * @throws ArtifactException naming the file and the problem when anything does not hold
     */
    public static ToolArtifact read(Path toolDir, String toolSchemaId) {
        PendingArtifact pending = readPending(toolDir, toolSchemaId);
        pending.validateData();
        return pending.artifact();
    }

    /**
     * Reads and checks a tool artifact as {@link #read} does, except the validation of its {@code data} against
     * the tool schema, which is left to {@link PendingArtifact#validateData()}: a consumer can start that on
     * another thread and meanwhile work on the envelope, provided nothing it does is kept unless the validation
     * passes (the source of truth lands the data in a transaction that it commits only after the verdict).
     *
     * @param toolDir the tool's output directory, {@code {output}/{tool}}
     * @param toolSchemaId the tool's output schema id used to validate {@code data}
     * @return the artifact, its data not yet validated against the tool schema
     * @throws ArtifactException naming the file and the problem when any other check does not hold
     */
    public static PendingArtifact readPending(Path toolDir, String toolSchemaId) {
        Objects.requireNonNull(toolDir, "toolDir");
        Objects.requireNonNull(toolSchemaId, "toolSchemaId");
        Path metadataFile = toolDir.resolve(METADATA_FILE);
        Path outputFile = toolDir.resolve(OUTPUT_FILE);
        SchemaValidator validator = SchemaValidator.shared();

        JsonNode metadataJson = readJson(metadataFile);
        requireValid(validator, VulcanSchemas.EXECUTION_METADATA, metadataJson, metadataFile);
        ExecutionMetadata metadata = ExecutionMetadata.fromJson(metadataJson);
        String dirName = toolDir.getFileName() == null ? "" : toolDir.getFileName().toString();
        if (!metadata.toolName().equals(dirName)) {
            throw new ArtifactException(metadataFile, "tool_name '" + metadata.toolName()
                    + "' does not match its directory '" + dirName + "'", null);
        }
        if (metadata.status() == ExecutionStatus.FAILED) {
            if (Files.exists(outputFile)) {
                throw new ArtifactException(outputFile, "present although metadata.json says the execution failed", null);
            }
            return new PendingArtifact(new ToolArtifact(toolDir, metadata, null), () -> { });
        }

        byte[] bytes;
        try {
            bytes = Files.readAllBytes(outputFile);
        } catch (IOException e) {
            throw new ArtifactException(outputFile, "cannot read: " + e, e);
        }
        if (bytes.length != metadata.output().sizeBytes()) {
            throw new ArtifactException(outputFile, "size " + bytes.length + " bytes differs from "
                    + metadata.output().sizeBytes() + " recorded in metadata.json (truncated or replaced)", null);
        }
        String sha256 = Hashing.sha256Hex(bytes);
        if (!sha256.equals(metadata.output().sha256())) {
            throw new ArtifactException(outputFile, "SHA-256 differs from the one recorded in metadata.json", null);
        }
        JsonNode json = ParsedArtifacts.shared().take(sha256);
        if (json == null) {
            try {
                json = Json.parse(bytes, outputFile.toString());
            } catch (InvalidJsonException e) {
                throw new ArtifactException(outputFile, e.getMessage(), e);
            }
        }
        requireValidOnce(validator, VulcanSchemas.ENVELOPE, WHOLE, json, sha256, outputFile);
        Envelope envelope = Envelope.fromJson(json);
        requireConsistent(metadata, envelope.metadata(), outputFile);
        JsonNode data = json.get("data");
        return new PendingArtifact(new ToolArtifact(toolDir, metadata, envelope),
                () -> requireValidOnce(validator, toolSchemaId, DATA, data, sha256, outputFile));
    }

    private static void requireConsistent(ExecutionMetadata metadata, EnvelopeMetadata envelope, Path outputFile) {
        StringBuilder mismatches = new StringBuilder();
        mismatch(mismatches, "tool_name", metadata.toolName(), envelope.toolName());
        mismatch(mismatches, "run_id", metadata.runId(), envelope.runId());
        mismatch(mismatches, "repo_id", metadata.repoId(), envelope.repoId());
        mismatch(mismatches, "commit", metadata.commit(), envelope.commit());
        mismatch(mismatches, "schema_version", metadata.schemaVersion(), envelope.schemaVersion());
        if (mismatches.length() > 0) {
            throw new ArtifactException(outputFile, "metadata.json and output.json disagree on" + mismatches, null);
        }
    }

    private static void mismatch(StringBuilder out, String field, Object a, Object b) {
        if (!a.equals(b)) {
            out.append(' ').append(field).append(" ('").append(a).append("' vs '").append(b).append("')");
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.read(file);
        } catch (InvalidJsonException e) {
            throw new ArtifactException(file, e.getMessage(), e);
        }
    }

    /**
     * Validates one part of an output document unless the same bytes already passed against the same schema in
     * this process ({@link ValidatedArtifacts} says why that is safe), and records a pass.
     */
    private static void requireValidOnce(SchemaValidator validator, String schemaId, String pointer, JsonNode node,
            String sha256, Path file) {
        ValidatedArtifacts verdicts = ValidatedArtifacts.shared();
        if (verdicts.hasPassed(schemaId, pointer, sha256)) {
            return;
        }
        requireValid(validator, schemaId, node, file);
        verdicts.recordPassed(schemaId, pointer, sha256);
    }

    private static void requireValid(SchemaValidator validator, String schemaId, JsonNode node, Path file) {
        List<SchemaProblem> problems = validator.validate(schemaId, node);
        if (!problems.isEmpty()) {
            throw new ArtifactException(file, "does not validate against " + schemaId + ": "
                    + problems.stream().limit(20).map(SchemaProblem::toString).collect(Collectors.joining("; ")), null);
        }
    }

    /**
     * Writes bytes to a file atomically: a temporary file in the same directory, forced to disk, then renamed
     * over the target.
     *
     * @param target the file to write
     * @param bytes the content
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bytes, "bytes");
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
