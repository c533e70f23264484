package dev.vulcan.orchestrator.exec.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs a command through commons-exec with a watchdog timeout, stdout and stderr written to files, and no
 * shell: arguments are passed as they are, never interpreted.
 */
public final class ChildProcess {

    /**
     * What a child process did.
     *
     * @param exitStatus its exit status, null when it was killed at the timeout or could not start
     * @param timedOut true when the watchdog killed it
     * @param startFailure why it could not start, or null
     * @param seconds wall time
     */
    public record Outcome(Integer exitStatus, boolean timedOut, String startFailure, double seconds) {
    }

    private ChildProcess() {
    }

    /**
     * Runs a command and waits for it, at most the timeout.
     *
     * @param command the executable and its arguments
     * @param workingDir the working directory
     * @param timeout the time limit
     * @param stdout where standard output goes (created or truncated)
     * @param stderr where standard error goes (created or truncated)
     * @return the outcome
     */
    public static Outcome run(List<String> command, Path workingDir, Duration timeout, Path stdout, Path stderr) {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        CommandLine line = new CommandLine(command.get(0));
        for (String arg : command.subList(1, command.size())) {
            line.addArgument(arg, false);
        }
        long start = System.nanoTime();
        try {
            Files.createDirectories(stdout.toAbsolutePath().getParent());
            Files.createDirectories(stderr.toAbsolutePath().getParent());
        } catch (IOException e) {
            return new Outcome(null, false, "cannot create the log folder: " + e, 0);
        }
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        try (OutputStream out = Files.newOutputStream(stdout); OutputStream err = Files.newOutputStream(stderr)) {
            DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(workingDir.toFile())
                    .setExecuteStreamHandler(new PumpStreamHandler(out, err)).get();
            executor.setWatchdog(watchdog);
            executor.setExitValues(null);
            int status = executor.execute(line);
            boolean killed = watchdog.killedProcess();
            return new Outcome(killed ? null : status, killed, null, seconds(start));
        } catch (IOException e) {
            if (watchdog.killedProcess()) {
                return new Outcome(null, true, null, seconds(start));
            }
            return new Outcome(null, false, "cannot run " + command.get(0) + ": " + e.getMessage(), seconds(start));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
