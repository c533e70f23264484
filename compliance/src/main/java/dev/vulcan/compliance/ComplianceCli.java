package dev.vulcan.compliance;

import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code vulcan-compliance} command line (architecture proposal 4.7):
 * {@code vulcan-compliance --root . [--tool NAME] [--run-analysis] [--run-evaluate] --out-json FILE --out-md FILE}.
 *
 * <p>Exit status: 0 when every gate of every tool passes (skipped checks do not fail), {@value #GATE_FAILED}
 * when a gate fails, {@code 2} ({@link ExitCode#INVALID_INPUT}) for bad arguments, an unknown tool or a root
 * without {@code tools/}. Only {@link #main(String[])} exits the JVM.
 */
public final class ComplianceCli {

    /** The exit status when at least one gate failed. */
    public static final int GATE_FAILED = 1;

    private ComplianceCli() {
    }

    /**
     * Runs the validator and exits the JVM with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the validator with a command line and returns the exit status, without exiting the JVM.
     *
     * @param args the command line
     * @param out where the summary and help go
     * @param err where errors go
     * @return 0 when every gate passed, {@value #GATE_FAILED} when one failed, 2 for invalid input
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        Options options = new Options();
        CommandLine cli = new CommandLine(options).setOut(out).setErr(err);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("vulcan-compliance: " + e.getMessage());
            err.println("Try 'vulcan-compliance --help' for usage.");
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            out.flush();
            return ExitCode.SUCCESS.status();
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            out.flush();
            return ExitCode.SUCCESS.status();
        }
        ComplianceReport report;
        try {
            ValidationOptions validation = ValidationOptions.of(options.root)
                    .withRunAnalysis(options.runAnalysis)
                    .withRunEvaluate(options.runEvaluate)
                    .withGroups(groups(options.only))
                    .withProcessTimeout(java.time.Duration.ofSeconds(options.timeoutSeconds))
                    .withParallelism(options.jobs == null ? Math.max(1, Runtime.getRuntime().availableProcessors())
                            : options.jobs);
            if (options.workDir != null) {
                validation = validation.withWorkDir(options.workDir);
            }
            if (options.tool != null) {
                validation = validation.withTool(options.tool);
            }
            report = ComplianceValidator.validate(validation);
        } catch (IllegalArgumentException e) {
            err.println("vulcan-compliance: invalid input: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        try {
            write(options.outJson, new String(Json.toBytes(report.toJson()), StandardCharsets.UTF_8));
            write(options.outMd, report.toMarkdown());
        } catch (UncheckedIOException e) {
            err.println("vulcan-compliance: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        for (ToolReport tool : report.tools()) {
            PrintWriter stream = tool.passed() ? out : err;
            stream.printf(Locale.ROOT, "%-16s %s (%d ms)%n", tool.toolName(), tool.passed() ? "PASS" : "FAIL",
                    tool.durationMillis());
            tool.failures().forEach(f -> stream.println("  FAIL " + f.check().id() + ": " + f.message()));
        }
        out.printf(Locale.ROOT, "vulcan-compliance: %s, %d tool(s) in %.1f s -> %s, %s%n",
                report.passed() ? "PASS" : "FAIL", report.tools().size(), report.durationMillis() / 1000.0,
                options.outJson, options.outMd);
        out.flush();
        err.flush();
        return report.passed() ? ExitCode.SUCCESS.status() : GATE_FAILED;
    }

    private static Set<CheckGroup> groups(List<String> only) {
        if (only == null || only.isEmpty()) {
            return EnumSet.allOf(CheckGroup.class);
        }
        EnumSet<CheckGroup> groups = EnumSet.noneOf(CheckGroup.class);
        only.forEach(code -> groups.add(CheckGroup.fromCode(code)));
        return groups;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }

    @Command(name = "vulcan-compliance", mixinStandardHelpOptions = true, sortOptions = false,
            version = "vulcan-compliance (report format " + ComplianceReport.FORMAT_VERSION + ")",
            description = "Checks that every tool module under ROOT/tools follows the Vulcan tool contract "
                    + "(structure, input and output contracts, isolation, evaluation). Exit 0 when every gate "
                    + "passes, 1 when one fails, 2 for invalid input.")
    static final class Options {
        @Option(names = "--root", required = true, paramLabel = "DIR", description = "Project root (holds tools/).")
        Path root;

        @Option(names = "--tool", paramLabel = "NAME", description = "Check only tools/NAME.")
        String tool;

        @Option(names = "--run-analysis",
                description = "Run make analyze on a fixture repository and check the output contract.")
        boolean runAnalysis;

        @Option(names = "--run-evaluate", description = "Run make evaluate and check the scorecard.")
        boolean runEvaluate;

        @Option(names = "--out-json", required = true, paramLabel = "FILE", description = "Where the JSON report goes.")
        Path outJson;

        @Option(names = "--out-md", required = true, paramLabel = "FILE", description = "Where the Markdown report goes.")
        Path outMd;

        @Option(names = "--only", split = ",", paramLabel = "GROUP",
                description = "Run only these check groups: structure, input, output, isolation, evaluate.")
        List<String> only;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Keep the fixture repository, configs and tool outputs in DIR/<tool>/ for inspection "
                        + "(default: a temporary folder deleted at the end).")
        Path workDir;

        @Option(names = "--jobs", paramLabel = "N", description = "Tools validated at the same time (default: processors).")
        Integer jobs;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "Time limit of each tool process (make evaluate gets 5 times as much; "
                        + "default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;
    }
}
