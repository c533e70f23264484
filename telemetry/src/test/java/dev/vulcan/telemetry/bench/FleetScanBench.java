package dev.vulcan.telemetry.bench;

import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.FleetKey;
import dev.vulcan.telemetry.PingBuilder;
import dev.vulcan.telemetry.checks.CheckResult;
import dev.vulcan.telemetry.checks.PingChecks;
import dev.vulcan.telemetry.fleet.FleetScan;
import dev.vulcan.telemetry.fleet.FleetScanConfig;
import dev.vulcan.telemetry.fleet.FleetSummary;
import dev.vulcan.telemetry.fleet.RepoScanException;
import dev.vulcan.telemetry.fleet.RepoScanner;
import dev.vulcan.telemetry.fleet.RepoTarget;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * Fleet-scan benchmark (not a unit test): generates N agent repos (the 16 agent-scanner evaluation repos in turn,
 * each made distinct), scans them with the REAL agent-scanner jar as a child process per repo
 * ({@code /usr/bin/time -f %M} records each child's peak RSS), W workers, then runs S1-S18 on the result.
 *
 * <p>Usage: {@code FleetScanBench AGENT_SCANNER_ALL_JAR EVAL_REPOS_DIR WORK_DIR [N=200] [WORKERS=2]}; prints
 * repos/min, the peak RSS of the batch JVM and of the largest scanner child.
 */
public final class FleetScanBench {

    private FleetScanBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args jar, eval repos dir, work dir, repo count, workers
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path evalRepos = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        List<Path> templates;
        try (Stream<Path> s = Files.list(evalRepos)) {
            templates = s.filter(Files::isDirectory).sorted().toList();
        }
        long g0 = System.nanoTime();
        List<RepoTarget> repos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path repo = work.resolve("repos").resolve(String.format("r%04d-%s", i, templates.get(i % templates.size())
                    .getFileName()));
            copy(templates.get(i % templates.size()), repo);
            Files.writeString(repo.resolve("BENCH_ID.txt"), "bench repo " + i + "\n", StandardCharsets.UTF_8);
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("bench " + i).setAuthor("b", "b@example.com")
                        .setCommitter("b", "b@example.com").setSign(false).call();
            }
            repos.add(new RepoTarget(repo.toString(), false));
        }
        System.err.printf("generated %d repos in %.1f s%n", n, (System.nanoTime() - g0) / 1e9);

        AtomicLong maxChildKb = new AtomicLong();
        RepoScanner scanner = (repo, outputRoot) -> {
            Path rss = Files.createTempFile(work, "rss", ".txt");
            Process p = new ProcessBuilder("/usr/bin/time", "-f", "%M", "-o", rss.toString(), "java", "-Xmx256m",
                    "-jar", jar.toString(), "--repo-path", repo.input(), "--run-id", UUID.randomUUID().toString(),
                    "--output-path", outputRoot.toString())
                    .redirectErrorStream(true).redirectOutput(outputRoot.resolve("scanner.log").toFile()).start();
            try {
                int status = p.waitFor();
                String kb = Files.readString(rss).strip();
                maxChildKb.accumulateAndGet(Long.parseLong(kb.substring(kb.lastIndexOf('\n') + 1).strip()), Math::max);
                if (status != 0 && !Files.exists(outputRoot.resolve("agent-scanner/metadata.json"))) {
                    throw new RepoScanException(FailureReason.CRASH, "agent-scanner exited " + status, null);
                }
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw e;
            } finally {
                Files.deleteIfExists(rss);
            }
        };
        Path out = work.resolve("out");
        FleetScan scan = new FleetScan(new FleetScanConfig(out, workers, Duration.ofSeconds(120),
                FleetKey.readOrCreate(work.resolve("fleet.key")), Optional.empty()), scanner, PingBuilder.system(),
                new java.io.PrintStream(Files.newOutputStream(work.resolve("progress.log")), true), Clock.systemUTC());
        FleetSummary summary = scan.run(repos);
        double minutes = summary.elapsed().toNanos() / 60e9;
        List<CheckResult> checks = PingChecks.run(PingChecks.readPings(out.resolve(FleetScan.PINGS)),
                Json.read(out.resolve(FleetScan.BATCH_RESULTS)));
        System.out.printf("repos=%d workers=%d elapsed=%.1f s rate=%.1f repos/min statuses=%s%n", summary.total(),
                workers, summary.elapsed().toMillis() / 1000.0, summary.scanned() / minutes, summary.byStatus());
        System.out.printf("peak RSS: batch JVM %d MiB, largest agent-scanner child %d MiB%n", selfPeakKb() / 1024,
                maxChildKb.get() / 1024);
        checks.forEach(c -> System.out.printf("%s %s checked %d failed %d %s%n", c.id(), c.passed() ? "PASS" : "FAIL",
                c.checked(), c.failed(), c.firstOffending()));
    }

    private static long selfPeakKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
