package dev.vulcan.core.tool;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.EnvelopeMetadata;
import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.schema.SchemaValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Runs a {@link Tool} in the current thread and writes its artifact: times the analysis, fills the envelope
 * metadata, validates against the envelope and tool schemas, and writes {@code output.json} and
 * {@code metadata.json} atomically. Failures never escape as exceptions: an analysis that throws, passes its
 * deadline, or returns invalid data is recorded as a failed execution (metadata only, no output). Never calls
 * {@code System.exit}.
 *
 * <p>Error messages are scrubbed of the repository and output paths, so no absolute path reaches an artifact.
 */
public final class ToolExecutor {

    private static final int MAX_MESSAGE = 2000;

    private ToolExecutor() {
    }

    /**
     * Executes a tool.
     *
     * @param tool the tool
     * @param context the validated inputs; its tool name must be the tool's name
     * @return the outcome
     * @throws IllegalArgumentException if the context is for another tool
     * @throws UncheckedIOException if not even the metadata can be written to the output folder
     */
    public static ToolExecution execute(Tool tool, ToolContext context) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(context, "context");
        ToolDescriptor descriptor = tool.descriptor();
        if (!descriptor.name().equals(context.toolName())) {
            throw new IllegalArgumentException("context is for tool '" + context.toolName() + "', not '"
                    + descriptor.name() + "'");
        }
        Instant startedAt = now();
        long startNanos = System.nanoTime();
        ExitCode failure;
        ToolError failureError;
        try {
            ToolResult result = tool.analyze(context);
            if (result == null) {
                throw new IllegalStateException("analyze returned no result");
            }
            List<ToolError> errors = result.errors().stream().map(e -> scrub(e, context)).toList();
            ExitCode exit = errors.isEmpty() ? ExitCode.SUCCESS : ExitCode.PARTIAL_RESULTS;
            EnvelopeMetadata metadata = new EnvelopeMetadata(descriptor.name(), descriptor.version(),
                    context.runId(), context.repoId(), context.branch(), context.commit(), now(),
                    seconds(startNanos), exit.status(), result.filesAnalyzed(), descriptor.schemaVersion());
            try {
                ExecutionMetadata written = ArtifactIo.writeOutput(context.outputPath(),
                        new Envelope(metadata, result.data(), errors), tool.outputSchemaId(), startedAt);
                Path dir = ArtifactIo.toolDir(context.outputPath(), descriptor.name());
                return new ToolExecution(exit, written, dir.resolve(ArtifactIo.METADATA_FILE),
                        dir.resolve(ArtifactIo.OUTPUT_FILE));
            } catch (SchemaValidationException e) {
                failure = ExitCode.OUTPUT_INVALID;
                failureError = ToolError.fatal("OUTPUT_INVALID", scrub("output does not validate: "
                        + e.problems().stream().limit(10).map(Object::toString).toList(), context));
            }
        } catch (CancellationException e) {
            failure = ExitCode.TIMED_OUT;
            failureError = ToolError.fatal("TIMED_OUT", scrub(describe(e), context));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = ExitCode.TIMED_OUT;
            failureError = ToolError.fatal("TIMED_OUT", descriptor.name() + " was interrupted");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            failure = ExitCode.ANALYSIS_FAILED;
            failureError = ToolError.fatal("ANALYSIS_FAILED", scrub(describe(e), context));
        } catch (OutOfMemoryError e) {
            failure = ExitCode.ANALYSIS_FAILED;
            failureError = ToolError.fatal("OUT_OF_MEMORY", descriptor.name() + " ran out of memory");
        } catch (Exception e) {
            failure = ExitCode.ANALYSIS_FAILED;
            failureError = ToolError.fatal("ANALYSIS_FAILED", scrub(describe(e), context));
        }
        return fail(descriptor, context, startedAt, startNanos, failure, failureError);
    }

    private static ToolExecution fail(ToolDescriptor descriptor, ToolContext context, Instant startedAt,
            long startNanos, ExitCode exit, ToolError error) {
        ExecutionMetadata metadata = new ExecutionMetadata(descriptor.name(), descriptor.version(),
                descriptor.schemaVersion(), context.runId(), context.repoId(), context.branch(), context.commit(),
                startedAt, now(), seconds(startNanos), exit.status(), ExecutionStatus.FAILED, 0, List.of(error), null);
        try {
            ArtifactIo.writeFailure(context.outputPath(), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metadata of failed tool " + descriptor.name(), e);
        }
        Path dir = ArtifactIo.toolDir(context.outputPath(), descriptor.name());
        return new ToolExecution(exit, metadata, dir.resolve(ArtifactIo.METADATA_FILE), null);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static ToolError scrub(ToolError error, ToolContext context) {
        String message = scrub(error.message(), context);
        return message.equals(error.message()) ? error
                : new ToolError(error.code(), message, error.file(), error.recoverable());
    }

    /**
     * Removes the repository and output roots from a message, so that it carries no absolute path of them.
     *
     * @param message the message
     * @param context the execution context
     * @return the scrubbed message, at most 2000 characters
     */
    static String scrub(String message, ToolContext context) {
        String repo = context.repoPath().toString();
        String output = context.outputPath().toString();
        String scrubbed = message
                .replace(output + "/", "<output>/").replace(output, "<output>")
                .replace(repo + "/", "").replace(repo, ".");
        if (scrubbed.isBlank()) {
            scrubbed = "(no message)";
        }
        return scrubbed.length() > MAX_MESSAGE ? scrubbed.substring(0, MAX_MESSAGE) + "..." : scrubbed;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }
}
