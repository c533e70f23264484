package dev.vulcan.compliance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external process (a tool jar, {@code make}) with a working folder, extra environment, a time limit
 * and its output captured in files of a scratch folder (no pipe can fill up and block it). On timeout the
 * whole process tree is killed.
 */
public final class ProcessRunner {

    /** The most characters of stdout and stderr kept in a {@link ProcessResult}. */
    public static final int MAX_CAPTURE = 64 * 1024;

    private final Path scratch;

    /**
     * Creates a runner writing captured output under a scratch folder.
     *
     * @param scratch an existing folder of the validator's own
     */
    public ProcessRunner(Path scratch) {
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    /**
     * Runs a command and waits for it.
     *
     * @param command the command line
     * @param workingDir the working folder
     * @param environment variables added to (or replacing in) the validator's environment
     * @param timeout the time limit
     * @return how it ended
     * @throws UncheckedIOException if the process cannot be started or its output cannot be read
     */
    public ProcessResult run(List<String> command, Path workingDir, Map<String, String> environment, Duration timeout) {
        return run(command, workingDir, environment, timeout, true);
    }

    /**
     * Runs a command with a minimal environment: only {@code PATH}, {@code HOME}, {@code LANG} and
     * {@code JAVA_HOME} of the validator's environment, plus the given variables. Used for {@code make}, whose
     * variables an inherited environment could otherwise set.
     *
     * @param command the command line
     * @param workingDir the working folder
     * @param environment the variables to set
     * @param timeout the time limit
     * @return how it ended
     * @throws UncheckedIOException if the process cannot be started or its output cannot be read
     */
    public ProcessResult runClean(List<String> command, Path workingDir, Map<String, String> environment,
            Duration timeout) {
        return run(command, workingDir, environment, timeout, false);
    }

    private ProcessResult run(List<String> command, Path workingDir, Map<String, String> environment, Duration timeout,
            boolean inherit) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(timeout, "timeout");
        try {
            Path out = Files.createTempFile(scratch, "process-", ".out");
            Path err = Files.createTempFile(scratch, "process-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (!inherit) {
                Map<String, String> env = builder.environment();
                env.keySet().retainAll(List.of("PATH", "HOME", "LANG", "JAVA_HOME"));
            }
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new ProcessResult(command, finished ? process.exitValue() : -1, !finished, read(out), read(err),
                    millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Reads at most the last {@link #MAX_CAPTURE} bytes of a capture file, then deletes it. */
    private static String read(Path file) throws IOException {
        byte[] bytes;
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_CAPTURE);
            channel.position(size - length);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the tail is complete
            }
            bytes = buffer.array();
        }
        Files.deleteIfExists(file);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
