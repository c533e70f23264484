package dev.vulcan.tool.githistory;

import dev.vulcan.core.eval.Evaluation;
import dev.vulcan.core.eval.Scorecard;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.tool.githistory.internal.ScriptedRepo;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code make evaluate} entry point of git-history: runs the shared evaluator ({@link Evaluation}) on
 * {@code eval/}, building each evaluation repository from its scripted history ({@code eval/repos/NAME/history.json},
 * see {@link ScriptedRepo}) because history cannot be stored as plain files.
 *
 * <p>Command line: {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}, as the shared evaluator's. Exit
 * status: 0 when every ground-truth file was usable and every run produced an artifact (failed expectations are
 * listed, not fatal, unless the exact-match rate is below {@code --fail-under}), 2 for bad options or invalid
 * ground truth, 1 when a run failed, the rate is below {@code --fail-under} or the scorecard could not be written.
 */
public final class GitHistoryEvaluation {

    private GitHistoryEvaluation() {
    }

    /**
     * Runs the evaluation and exits the JVM with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the evaluation without exiting the JVM.
     *
     * @param args {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}
     * @param out where the summary goes
     * @param err where problems go
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        Path evalDir = null;
        Path outputPath = null;
        Double failUnder = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fail-under") && i + 1 < args.length) {
                try {
                    failUnder = Double.valueOf(args[++i]);
                } catch (NumberFormatException e) {
                    failUnder = Double.NaN;
                }
                if (!(failUnder >= 0 && failUnder <= 1)) {
                    err.println("git-history-evaluation: --fail-under must be a number within 0..1");
                    err.flush();
                    return ExitCode.INVALID_INPUT.status();
                }
            } else if ((arg.equals("--eval-dir") || arg.equals("--output-path")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]).toAbsolutePath().normalize();
                if (arg.equals("--eval-dir")) {
                    evalDir = value;
                } else {
                    outputPath = value;
                }
            } else {
                err.println("git-history-evaluation: unknown or incomplete option '" + arg
                        + "'; usage: --eval-dir DIR --output-path DIR [--fail-under RATE]");
                err.flush();
                return ExitCode.INVALID_INPUT.status();
            }
        }
        if (evalDir == null || outputPath == null) {
            err.println("git-history-evaluation: --eval-dir and --output-path are required");
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        Scorecard scorecard;
        try {
            scorecard = Evaluation.evaluate(new GitHistoryTool(), evalDir, outputPath, ScriptedRepo::materialize);
        } catch (IllegalArgumentException e) {
            err.println("git-history-evaluation: invalid input: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        } catch (UncheckedIOException e) {
            err.println("git-history-evaluation: " + e.getMessage());
            err.flush();
            return ExitCode.ANALYSIS_FAILED.status();
        }
        for (Scorecard.RepoScore repo : scorecard.repos()) {
            out.println(String.format(Locale.ROOT, "git-history-evaluation: %s: %s, %d/%d expectations passed",
                    repo.repo(), repo.executionStatus() == null ? "not run" : repo.executionStatus(),
                    repo.results().stream().filter(Scorecard.Result::passed).count(), repo.results().size()));
            repo.results().stream().filter(r -> !r.passed()).forEach(r -> out.println("  " + r.outcome().code()
                    + " " + r.groundTruthFile() + "#" + r.expectation().id() + ": actual " + r.actual()
                    + (r.detail() == null ? "" : " (" + r.detail() + ")")));
        }
        scorecard.invalidGroundTruth().forEach(i -> err.println("git-history-evaluation: invalid ground truth "
                + i.file() + ": " + i.problem()));
        out.println(String.format(Locale.ROOT, "git-history-evaluation: %d/%d expectations passed -> %s",
                scorecard.passed(), scorecard.results().size(), outputPath.resolve(Evaluation.SCORECARD_FILE)));
        out.flush();
        err.flush();
        if (!scorecard.invalidGroundTruth().isEmpty()) {
            return ExitCode.INVALID_INPUT.status();
        }
        if (!scorecard.isComplete()) {
            return ExitCode.ANALYSIS_FAILED.status();
        }
        Double rate = scorecard.exactMatchRate();
        if (failUnder != null && (rate == null || rate < failUnder)) {
            err.println("git-history-evaluation: exact-match rate " + rate + " is below --fail-under " + failUnder);
            err.flush();
            return ExitCode.ANALYSIS_FAILED.status();
        }
        return ExitCode.SUCCESS.status();
    }
}
