package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.core.artifact.ArtifactException;
import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.orchestrator.exec.BackendResult;
import dev.vulcan.orchestrator.exec.ExecutionMode;
import dev.vulcan.orchestrator.exec.ToolTask;
import dev.vulcan.orchestrator.exec.internal.FileMoves;
import dev.vulcan.orchestrator.run.ToolOutcome;
import dev.vulcan.orchestrator.run.ToolRunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Judges what a tool left in {@code {output}/{tool}/} after its backend returned, locally (architecture
 * proposal 3.6, "validation before import"): reads the artifact with {@link ArtifactIo#read} (schemas, digest,
 * consistency), checks it belongs to this run, and turns everything into a {@link ToolOutcome}.
 *
 * <p>Whatever went wrong, the folder ends as a clean artifact the source of truth can import: a failed
 * execution is recorded as a {@code metadata.json} with status {@code failed} (written here when the tool
 * could not write it: timeout, crash, kill), and an invalid artifact is moved to {@code logs/rejected/} and
 * replaced by such a failure record. Each tool also gets {@code logs/orchestrator.log}.
 */
public final class ArtifactCollector {

    /** The orchestrator's log file of a tool, under its {@code logs/} folder. */
    public static final String ORCHESTRATOR_LOG = "orchestrator.log";
    /** The quarantine folder of an invalid artifact, under {@code logs/}. */
    public static final String REJECTED_DIR = "rejected";

    private ArtifactCollector() {
    }

    /**
     * Collects one tool's artifact.
     *
     * @param task the task that ran
     * @param mode the backend's mode (logged)
     * @param result what the backend observed
     * @param startedAt when the task started
     * @return the outcome
     */
    public static ToolOutcome collect(ToolTask task, ExecutionMode mode, BackendResult result, Instant startedAt) {
        ToolDescriptor descriptor = task.tool().descriptor();
        Judgement judgement = judge(task, result, startedAt);
        Path orchestratorLog = task.logsDir().resolve(ORCHESTRATOR_LOG);
        log(orchestratorLog, String.format(Locale.ROOT, "%s mode=%s status=%s exit=%s duration=%.3fs%s",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), mode.code(), judgement.status.code(),
                result.exitStatus(), result.durationSeconds(),
                judgement.reason == null ? "" : " reason=" + judgement.reason));
        Path logFile = result.logFile() != null && Files.exists(result.logFile()) ? result.logFile() : orchestratorLog;
        return new ToolOutcome(descriptor.name(), descriptor.phase(), judgement.status, judgement.reason, logFile,
                result.durationSeconds(), result.exitStatus(), judgement.files);
    }

    private record Judgement(ToolRunStatus status, String reason, int files) {
    }

    private static Judgement judge(ToolTask task, BackendResult result, Instant startedAt) {
        if (result.timedOut()) {
            String reason = String.format(Locale.ROOT, "stopped at its time limit of %d s",
                    task.timeout().toSeconds());
            recordFailure(task, result, startedAt, ExitCode.TIMED_OUT, "TIMED_OUT", reason);
            return new Judgement(ToolRunStatus.TIMED_OUT, reason, 0);
        }
        if (result.failure() != null) {
            recordFailure(task, result, startedAt, ExitCode.ANALYSIS_FAILED, "ANALYSIS_FAILED", result.failure());
            return new Judgement(ToolRunStatus.FAILED, result.failure(), 0);
        }
        Path dir = task.toolDir();
        boolean hasMetadata = Files.exists(dir.resolve(ArtifactIo.METADATA_FILE), LinkOption.NOFOLLOW_LINKS);
        boolean hasOutput = Files.exists(dir.resolve(ArtifactIo.OUTPUT_FILE), LinkOption.NOFOLLOW_LINKS);
        if (!hasMetadata && !hasOutput) {
            String reason = (result.exitStatus() == null ? "wrote no artifact"
                    : "exited with status " + result.exitStatus() + " without writing an artifact")
                    + firstLine(result.logFile()).map(line -> " (stderr: " + line + ")").orElse("");
            recordFailure(task, result, startedAt, ExitCode.ANALYSIS_FAILED, "ANALYSIS_FAILED", reason);
            return new Judgement(ToolRunStatus.FAILED, reason, 0);
        }
        ExecutionMetadata metadata;
        try {
            metadata = result.validatedInProcess() ? readMetadata(dir)
                    : ArtifactIo.read(dir, task.tool().outputSchemaId()).metadata();
            requireThisRun(metadata, task.context(), dir);
        } catch (ArtifactException e) {
            String reason = "invalid artifact: " + e.getMessage();
            quarantine(dir);
            recordFailure(task, result, startedAt, ExitCode.OUTPUT_INVALID, "OUTPUT_INVALID", reason);
            return new Judgement(ToolRunStatus.INVALID_OUTPUT, reason, 0);
        }
        if (metadata.status() == ExecutionStatus.FAILED) {
            String reason = metadata.errors().isEmpty() ? "the tool recorded a failure"
                    : metadata.errors().get(0).code() + ": " + metadata.errors().get(0).message();
            ToolRunStatus status = metadata.exitCode() == ExitCode.TIMED_OUT.status() ? ToolRunStatus.TIMED_OUT
                    : metadata.exitCode() == ExitCode.OUTPUT_INVALID.status() ? ToolRunStatus.INVALID_OUTPUT
                    : ToolRunStatus.FAILED;
            return new Judgement(status, reason, 0);
        }
        if (result.exitStatus() != null && result.exitStatus() != 0) {
            String reason = "exited with status " + result.exitStatus() + " although its artifact says "
                    + metadata.status().code();
            quarantine(dir);
            recordFailure(task, result, startedAt, ExitCode.ANALYSIS_FAILED, "ANALYSIS_FAILED", reason);
            return new Judgement(ToolRunStatus.FAILED, reason, 0);
        }
        if (metadata.status() == ExecutionStatus.PARTIAL) {
            return new Judgement(ToolRunStatus.PARTIAL, metadata.errors().size() + " recoverable error(s)",
                    metadata.filesAnalyzed());
        }
        return new Judgement(ToolRunStatus.SUCCEEDED, null, metadata.filesAnalyzed());
    }

    /** The first non-blank line of a log (read from its first 8 KiB), at most 300 characters. */
    private static java.util.Optional<String> firstLine(Path log) {
        if (log == null || !Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        try (java.io.InputStream in = Files.newInputStream(log)) {
            String head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            for (String line : head.split("\\R")) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    return java.util.Optional.of(stripped.length() > 300 ? stripped.substring(0, 300) + "..." : stripped);
                }
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static ExecutionMetadata readMetadata(Path dir) {
        Path file = dir.resolve(ArtifactIo.METADATA_FILE);
        try {
            return ExecutionMetadata.fromJson(dev.vulcan.core.json.Json.read(file));
        } catch (RuntimeException e) {
            throw new ArtifactException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void requireThisRun(ExecutionMetadata metadata, ToolContext context, Path dir) {
        Path file = dir.resolve(ArtifactIo.METADATA_FILE);
        if (!metadata.runId().equals(context.runId()) || !metadata.repoId().equals(context.repoId())
                || !metadata.commit().equals(context.commit())) {
            throw new ArtifactException(file, "belongs to another run (run_id " + metadata.runId() + ", repo_id "
                    + metadata.repoId() + ", commit " + metadata.commit() + ")", null);
        }
    }

    private static void quarantine(Path dir) {
        Path rejected = dir.resolve(ArtifactIo.LOGS_DIR).resolve(REJECTED_DIR);
        try {
            FileMoves.moveIfExists(dir.resolve(ArtifactIo.OUTPUT_FILE), rejected.resolve(ArtifactIo.OUTPUT_FILE));
            FileMoves.moveIfExists(dir.resolve(ArtifactIo.METADATA_FILE), rejected.resolve(ArtifactIo.METADATA_FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot quarantine the invalid artifact in " + dir, e);
        }
    }

    private static void recordFailure(ToolTask task, BackendResult result, Instant startedAt, ExitCode exit,
            String code, String message) {
        ToolDescriptor d = task.tool().descriptor();
        ToolContext c = task.context();
        Instant completed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant started = startedAt.truncatedTo(ChronoUnit.MILLIS);
        String scrubbed = message.replace(c.outputPath() + "/", "<output>/").replace(c.outputPath().toString(), "<output>")
                .replace(c.repoPath() + "/", "").replace(c.repoPath().toString(), ".");
        String bounded = scrubbed.length() > 2000 ? scrubbed.substring(0, 2000) + "..." : scrubbed;
        ExecutionMetadata metadata = new ExecutionMetadata(d.name(), d.version(), d.schemaVersion(), c.runId(),
                c.repoId(), c.branch(), c.commit(), started, completed.isBefore(started) ? started : completed,
                result.durationSeconds(), exit.status(), ExecutionStatus.FAILED, 0,
                List.of(ToolError.fatal(code, bounded)), null);
        try {
            ArtifactIo.writeFailure(c.outputPath(), metadata);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot record the failure of " + d.name(), e);
        }
    }

    private static void log(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }
}
