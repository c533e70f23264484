package dev.vulcan.orchestrator.cli;

import dev.vulcan.orchestrator.run.RunListener;
import dev.vulcan.orchestrator.run.ToolOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Live progress on stderr: one plain line per event, prefixed with the time since the start (plain lines also
 * on a terminal, so logs and terminals read the same).
 */
final class ConsoleProgress implements RunListener {

    private final PrintWriter err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintWriter err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public synchronized void stepStarted(String step, String detail) {
        line(String.format(Locale.ROOT, "%-8s %s", step, detail));
    }

    @Override
    public synchronized void warning(String message) {
        line("warning  " + message);
    }

    @Override
    public synchronized void phaseStarted(int phase, List<String> tools) {
        line("phase " + phase + "  " + String.join(", ", tools));
    }

    @Override
    public synchronized void toolStarted(String toolName, int phase) {
        line("  start " + toolName);
    }

    @Override
    public synchronized void toolFinished(ToolOutcome outcome) {
        line(String.format(Locale.ROOT, "  %-5s %s %s %.1f s%s", "end", outcome.toolName(), outcome.status().code(),
                outcome.durationSeconds(), outcome.reasonIfAny().filter(r -> !outcome.status().isSuccess())
                        .map(r -> " - " + r).orElse("")));
    }

    private void line(String text) {
        err.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        err.flush();
    }
}
