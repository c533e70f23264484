package dev.vulcan.orchestrator.cli;

import dev.vulcan.orchestrator.run.AnalyzeResult;
import dev.vulcan.orchestrator.run.CollectionResult;
import dev.vulcan.orchestrator.run.RunFigures;
import dev.vulcan.orchestrator.run.ToolOutcome;
import dev.vulcan.orchestrator.run.ToolRunStatus;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.DecisionLabel;
import dev.vulcan.sot.models.ModelRunReport;
import dev.vulcan.sot.models.RunStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal summary of {@code vulcan analyze}. */
final class Summary {

    private Summary() {
    }

    static void print(AnalyzeResult result, PrintWriter out) {
        CollectionResult c = result.collection();
        out.printf(Locale.ROOT, "Vulcan analysis %s: %s%n", c.runId(), result.status().code().toUpperCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  repository  %s (%s)%n", c.repo().name(),
                c.repo().remoteUrl() != null ? c.repo().remoteUrl() : c.repo().repoPath());
        out.printf(Locale.ROOT, "  commit      %s on %s (%s)%n", c.repo().commit(), c.repo().branch(),
                c.repo().checkout().code());
        RunFigures f = result.figures();
        out.printf(Locale.ROOT, "  files       %s%n", f.files() == null ? "n/a (no layout)" : f.files());
        out.printf(Locale.ROOT, "  languages   %s%n", f.languages().isEmpty() ? "n/a"
                : f.languages().entrySet().stream().limit(8).map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  LOC         %s%n", f.linesOfCode() == null ? "n/a (no loc)" : f.linesOfCode());

        Map<ToolRunStatus, Long> counts = c.outcomes().stream()
                .collect(Collectors.groupingBy(ToolOutcome::status, java.util.TreeMap::new, Collectors.counting()));
        out.printf(Locale.ROOT, "  tools       %d run: %s%n", c.outcomes().size(), counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().code()).collect(Collectors.joining(", ")));
        c.outcomes().stream().sorted(Comparator.comparingInt(ToolOutcome::phase).thenComparing(ToolOutcome::toolName))
                .forEach(o -> out.printf(Locale.ROOT, "    %-16s %-14s %6.1f s  %s%n", o.toolName(), o.status().code(),
                        o.durationSeconds(), detail(o)));

        ImportReport imported = result.importReport();
        if (imported != null) {
            out.printf(Locale.ROOT, "  import      %d imported, %d rejected, %d tool failures recorded; %d landing issue(s)%n",
                    imported.count(ToolImportStatus.IMPORTED), imported.count(ToolImportStatus.REJECTED),
                    imported.count(ToolImportStatus.TOOL_FAILED), imported.issues().size());
            imported.tools().stream().filter(t -> t.status() == ToolImportStatus.REJECTED).forEach(t ->
                    out.printf(Locale.ROOT, "    rejected %s: %s%n", t.toolName(), t.reason()));
        }
        ModelRunReport models = result.models();
        if (models != null) {
            long built = models.models().stream().filter(m -> m.status() == RunStatus.SUCCESS).count();
            long passed = models.tests().stream().filter(t -> t.status() == RunStatus.SUCCESS).count();
            out.printf(Locale.ROOT, "  models      %d/%d built, data tests %d/%d passed%n", built, models.models().size(),
                    passed, models.tests().size());
            models.tests().stream().filter(t -> t.status() == RunStatus.FAIL || t.status() == RunStatus.ERROR)
                    .limit(10).forEach(t -> out.printf(Locale.ROOT, "    %s %s: %s%n", t.status().code(), t.name(),
                            t.message() == null ? t.failingRows() + " failing rows" : t.message()));
        }
        if (result.failure() != null) {
            out.printf(Locale.ROOT, "  failure     %s%n", result.failure());
        }
        long red = result.flags().stream().filter(fl -> fl.label() == DecisionLabel.RED_FLAG).count();
        long yellow = result.flags().stream().filter(fl -> fl.label() == DecisionLabel.YELLOW_FLAG).count();
        out.printf(Locale.ROOT, "  flags       %d RED, %d YELLOW, %d other%n", red, yellow, result.flags().size() - red - yellow);
        result.flags().stream()
                .sorted(Comparator.comparingInt((DecisionFlag fl) -> Arrays.asList(DecisionLabel.values()).indexOf(fl.label())))
                .forEach(fl -> out.printf(Locale.ROOT, "    %-11s %s (%s): %s%n", fl.label().code(), fl.code().code(),
                        fl.severity().code(), fl.description()));
        out.printf(Locale.ROOT, "  data        %s%n", result.dbFile());
        out.printf(Locale.ROOT, "  artifacts   %s%n", c.runDir());
        out.printf(Locale.ROOT, "  time        %s%n", result.stepSeconds().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s%s", e.getKey(), e.getValue(),
                        note(e.getKey()))).collect(Collectors.joining(", ")));
        double slowest = c.slowestPathSeconds();
        double overhead = dev.vulcan.orchestrator.run.RunTimings.overheadSeconds(result);
        out.printf(Locale.ROOT, "  overhead    %.1f s beyond the slowest tool path of %.1f s%s%n", overhead, slowest,
                slowest > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100 * overhead / slowest) : "");
        out.flush();
    }

    /** What a step's time means when it is not simply a stretch of the run after the tools. */
    private static String note(String step) {
        return switch (step) {
            case "open" -> " (beside the tools)";
            case "import" -> " (left after the tools)";
            case "import_work" -> " (all import work, mostly beside the tools)";
            default -> "";
        };
    }

    private static String detail(ToolOutcome o) {
        if (o.status() == ToolRunStatus.SUCCEEDED) {
            return o.filesAnalyzed() + " files";
        }
        String log = o.logFile() == null ? "" : "  (log: " + o.logFile() + ")";
        return o.reasonIfAny().orElse("") + log;
    }
}
