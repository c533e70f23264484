package dev.vulcan.telemetry;

import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.telemetry.checks.CheckResult;
import dev.vulcan.telemetry.checks.PingChecks;
import dev.vulcan.telemetry.checks.PingRow;
import dev.vulcan.telemetry.internal.PingLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code vulcan-telemetry} command line.
 *
 * <ul>
 *   <li>{@code validate PINGS --batch-results FILE}: runs S1-S18, prints PASS/FAIL per check with counts and the
 *       first offending rows; exit 0 when every check passes, 1 when one fails, 2 on unreadable input.</li>
 *   <li>{@code ping --artifacts DIR --repo PATH|URL --fleet-key FILE [--previous SCAN_ID --previous-score N]}:
 *       builds one ping from a run's artifacts (DIR holds {@code agent-scanner/}) and prints it as one JSON line;
 *       exit 0, or 2 on bad input.</li>
 * </ul>
 */
@Command(name = "vulcan-telemetry", mixinStandardHelpOptions = true, version = "vulcan-telemetry 0.3.0",
        description = "Telemetry v7 pings: build one from artifacts, validate a batch (S1-S18).",
        subcommands = {TelemetryCli.Validate.class, TelemetryCli.Ping.class})
public final class TelemetryCli implements Callable<Integer> {

    /** Exit status: every check passed. */
    public static final int OK = 0;
    /** Exit status: a check failed. */
    public static final int CHECK_FAILED = 1;
    /** Exit status: invalid input (unreadable or malformed files, bad options). */
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TelemetryCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> INVALID_INPUT);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return INVALID_INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return INVALID_INPUT;
    }

    /** {@code validate}: the S1-S18 checks. */
    @Command(name = "validate", description = "Run the S1-S18 checks over a pings.jsonl and its batch-results.json.")
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PINGS", description = "The pings.jsonl file.")
        Path pings;

        @Option(names = "--batch-results", required = true, paramLabel = "FILE", description = "The batch-results.json.")
        Path batchResults;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<PingRow> rows;
            JsonNode batch;
            try {
                rows = PingChecks.readPings(pings);
                batch = Json.read(batchResults);
            } catch (IOException | IllegalArgumentException | InvalidJsonException e) {
                err.println("invalid input: " + e.getMessage());
                return INVALID_INPUT;
            }
            List<CheckResult> results;
            try {
                results = PingChecks.run(rows, batch);
            } catch (IllegalArgumentException e) {
                err.println(batchResults + ": " + e.getMessage());
                return INVALID_INPUT;
            }
            out.println(rows.size() + " pings, " + batch.path("repos").size() + " batch-results entries");
            int failedChecks = 0;
            for (CheckResult r : results) {
                out.printf("%-4s %s  checked %d, failed %d  %s%n", r.id(), r.passed() ? "PASS" : "FAIL", r.checked(),
                        r.failed(), r.description());
                r.firstOffending().forEach(o -> out.println("       " + o));
                failedChecks += r.passed() ? 0 : 1;
            }
            out.println(failedChecks == 0 ? "ALL PASS" : failedChecks + " of " + results.size() + " checks FAIL");
            return failedChecks == 0 ? OK : CHECK_FAILED;
        }
    }

    /** {@code ping}: one ping from a run's artifacts. */
    @Command(name = "ping", description = "Build one ping from a run's artifacts and print it as a JSON line.")
    static final class Ping implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--artifacts", required = true, paramLabel = "DIR",
                description = "The run's output root, holding agent-scanner/.")
        Path artifacts;

        @Option(names = "--repo", required = true, paramLabel = "PATH|URL",
                description = "The scanned repository (only its identity is hashed; it never reaches the ping).")
        String repo;

        @Option(names = "--fleet-key", required = true, paramLabel = "FILE",
                description = "The fleet key file (64+ hex characters); created when missing.")
        Path fleetKey;

        @Option(names = "--previous", paramLabel = "SCAN_ID", description = "scan_id of the repo's previous ping.")
        UUID previous;

        @Option(names = "--previous-score", paramLabel = "N",
                description = "risk_score of the previous ping (omit when it failed).")
        Integer previousScore;

        @Override
        public Integer call() {
            PingBuilder builder = PingBuilder.system();
            long start = builder.now();
            try {
                RepoIdentity identity = RepoIdentity.isUrl(repo) ? RepoIdentity.ofUrl(repo)
                        : RepoIdentity.ofDirectory(Path.of(repo));
                String hash = new RepoHasher(FleetKey.readOrCreate(fleetKey)).repoHash(identity);
                Optional<PreviousScan> prev = previous == null ? Optional.empty()
                        : Optional.of(new PreviousScan(previous, Optional.ofNullable(previousScore)));
                ObjectNode ping = builder.fromArtifacts(new PingContext(hash, start, prev), artifacts);
                spec.commandLine().getOut().println(PingLog.line(ping));
                return OK;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("invalid input: " + e.getMessage());
                return INVALID_INPUT;
            }
        }
    }
}
