package dev.vulcan.orchestrator.fleet;

import dev.vulcan.orchestrator.exec.ProcessBackend;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.telemetry.PingImportReport;
import dev.vulcan.sot.telemetry.PingStore;
import dev.vulcan.sot.telemetry.PingView;
import dev.vulcan.telemetry.FleetKey;
import dev.vulcan.telemetry.PingBuilder;
import dev.vulcan.telemetry.TelemetryCli;
import dev.vulcan.telemetry.fleet.FleetScan;
import dev.vulcan.telemetry.fleet.FleetScanConfig;
import dev.vulcan.telemetry.fleet.FleetSummary;
import dev.vulcan.telemetry.fleet.RepoTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vulcan fleet}: telemetry over a fleet of repositories (telemetry v7).
 *
 * <pre>
 * vulcan fleet scan --repos FILE|DIR --out DIR [--parallel N] [--timeout SECONDS] [--fleet-key FILE]
 *                   [--previous-pings FILE] [--process-heap MB]
 * vulcan fleet validate PINGS --batch-results FILE
 * vulcan fleet import PINGS --db FILE
 * </pre>
 *
 * <p>Exit status: 0 done (scan: every repo has a ping, failed pings included; validate: every check passed;
 * import: every line imported or a duplicate); 1 validate found a failing check, or import rejected lines;
 * 2 invalid input (bad option, unreadable list or file, no agent-scanner on the class path); 4 the database could
 * not be written.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Telemetry over a fleet of repositories: scan (one ping per repo), validate (S1-S18), import "
                + "(into DuckDB, with the analysis views).",
        subcommands = {FleetCommand.Scan.class, FleetCommand.Validate.class, FleetCommand.Import.class})
public final class FleetCommand implements Callable<Integer> {

    /** Exit status: done. */
    public static final int EXIT_OK = 0;
    /** Exit status: a check failed or lines were rejected. */
    public static final int EXIT_CHECK_FAILED = 1;
    /** Exit status: invalid input. */
    public static final int EXIT_INVALID_INPUT = 2;
    /** Exit status: the database could not be written. */
    public static final int EXIT_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli instantiates it). */
    public FleetCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_INVALID_INPUT;
    }

    /** {@code vulcan fleet scan}. */
    @Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Scan every repository of a list (or a directory of repos) with the agent-scanner, one "
                    + "child JVM per repo, and write DIR/pings.jsonl, DIR/batch-results.json and the PRIVATE "
                    + "DIR/repo-map.private.json. A restarted batch skips repos that already have a ping.")
    static final class Scan implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--repos", required = true, paramLabel = "FILE|DIR",
                description = "A file of repo paths or git URLs, one per line (# comments), or a directory whose "
                        + "sub-directories are the repos.")
        Path repos;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The batch directory.")
        Path outDir;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
                description = "Repos scanned at once (default ${DEFAULT-VALUE}).")
        int parallel;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "Per-repo timeout; the repo's child is killed and it gets a failed ping (default "
                        + "${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--fleet-key", paramLabel = "FILE",
                description = "The fleet key of repo_hash (created 0600 when missing; keep it outside the batch "
                        + "directory). Default: ~/.vulcan/fleet.key.")
        Path fleetKey;

        @Option(names = "--previous-pings", paramLabel = "FILE",
                description = "The pings.jsonl of an earlier batch: its repos are rescans (pre_scan_id, prev_score).")
        Path previousPings;

        @Option(names = "--process-heap", paramLabel = "MB", defaultValue = "768",
                description = "-Xmx of each agent-scanner child JVM (default ${DEFAULT-VALUE}).")
        int processHeapMb;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (timeoutSeconds <= 0 || processHeapMb <= 0) {
                err.println("invalid input: --timeout and --process-heap must be positive");
                return EXIT_INVALID_INPUT;
            }
            Path keyFile = fleetKey != null ? fleetKey
                    : Path.of(System.getProperty("user.home"), ".vulcan", "fleet.key");
            List<RepoTarget> targets;
            FleetScan scan;
            try {
                targets = FleetScan.readRepoList(repos);
                FleetKey key = FleetKey.readOrCreate(keyFile);
                ToolRegistry registry = ToolRegistry.discover(FleetCommand.class.getClassLoader());
                Duration timeout = Duration.ofSeconds(timeoutSeconds);
                AgentScannerRepoScanner scanner = new AgentScannerRepoScanner(registry,
                        ProcessBackend.forCurrentJvm(processHeapMb), timeout.plusSeconds(30));
                FleetScanConfig config = new FleetScanConfig(outDir,
                        parallel, timeout, key, Optional.ofNullable(previousPings));
                scan = new FleetScan(config, scanner, PingBuilder.system(), progressStream(err), Clock.systemUTC());
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                err.println("invalid input: " + e.getMessage());
                return EXIT_INVALID_INPUT;
            }
            if (keyFile.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())) {
                err.println("warning: the fleet key " + keyFile + " is inside the batch directory; keep it apart "
                        + "from the pings you share");
            }
            try {
                FleetSummary summary = scan.run(targets);
                Map<String, Integer> byStatus = new TreeMap<>(summary.byStatus());
                out.printf("%d repos: %d scanned, %d skipped (already done); by status %s; %.1f s%n", summary.total(),
                        summary.scanned(), summary.skipped(), byStatus, summary.elapsed().toMillis() / 1000.0);
                out.println("pings:         " + outDir.resolve(FleetScan.PINGS));
                out.println("batch results: " + outDir.resolve(FleetScan.BATCH_RESULTS));
                out.println("repo map:      " + outDir.resolve(FleetScan.REPO_MAP) + " (PRIVATE: do not share)");
                return EXIT_OK;
            } catch (IOException | IllegalArgumentException e) {
                err.println("fleet scan failed: " + e.getMessage());
                return EXIT_INVALID_INPUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("fleet scan interrupted; rerun the same command to resume");
                return EXIT_FAILED;
            }
        }
    }

    /** {@code vulcan fleet validate}: the S1-S18 checks of the telemetry library. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Run the S1-S18 checks over a pings.jsonl and its batch-results.json; PASS/FAIL per check "
                    + "with counts and the first offending rows. Exit 0 all pass, 1 a check failed, 2 bad input.")
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PINGS", description = "The pings.jsonl file.")
        Path pings;

        @Option(names = "--batch-results", required = true, paramLabel = "FILE",
                description = "The batch-results.json.")
        Path batchResults;

        @Override
        public Integer call() {
            return TelemetryCli.run(new String[] {"validate", pings.toString(), "--batch-results",
                batchResults.toString()}, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** {@code vulcan fleet import}: pings into DuckDB through the source of truth. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Validate each line of a pings.jsonl against telemetry-ping/v3 and land the pings in a "
                    + "DuckDB file (tel_* tables and analysis views); re-importing skips known scan_ids.")
    static final class Import implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PINGS", description = "The pings.jsonl file.")
        Path pings;

        @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB file (created if missing).")
        Path db;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(pings)) {
                err.println("invalid input: " + pings + ": not a regular file");
                return EXIT_INVALID_INPUT;
            }
            try (PingStore store = PingStore.open(db)) {
                PingImportReport report = store.importPings(pings);
                out.printf("%d lines: %d imported, %d duplicates skipped, %d rejected (%.2f s)%n", report.lines(),
                        report.imported(), report.duplicates(), report.rejected(),
                        report.elapsed().toMillis() / 1000.0);
                report.rejections().forEach(r -> out.println("  rejected line " + r.line() + ": " + r.problem()));
                out.println("database: " + db.toAbsolutePath().normalize());
                StringBuilder views = new StringBuilder("views:");
                for (PingView v : PingView.values()) {
                    views.append(' ').append(v.viewName());
                }
                out.println(views);
                return report.rejected() == 0 ? EXIT_OK : EXIT_CHECK_FAILED;
            } catch (IllegalArgumentException e) {
                err.println("invalid input: " + e.getMessage());
                return EXIT_INVALID_INPUT;
            } catch (SotException e) {
                err.println("import failed: " + e.getMessage());
                return EXIT_FAILED;
            }
        }
    }

    /** A print stream writing whole lines to the CLI's error writer (the batch's progress). */
    private static PrintStream progressStream(PrintWriter err) {
        return new PrintStream(new java.io.OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    err.println(line.toString(StandardCharsets.UTF_8));
                    err.flush();
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
