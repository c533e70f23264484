package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.FleetKey;
import dev.vulcan.telemetry.Fixtures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Real git repos for fleet tests and a scanner that writes golden agent-scanner artifacts or fails on purpose. */
public final class FleetFixtures {

    /** Repo names whose scan fails: the scanner throws, hangs, fails to clone or writes no artifact. */
    public static final List<String> FAILURES = List.of("crash", "hang", "clone_failure", "no_artifact");

    static final FleetKey KEY = FleetKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
        19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    private FleetFixtures() {
    }

    /**
     * Creates one git repo per name under {@code root} (distinct content, so distinct root commits).
     */
    public static List<RepoTarget> repos(Path root, List<String> names) throws IOException, GitAPIException {
        List<RepoTarget> out = new ArrayList<>();
        for (String name : names) {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.writeString(dir.resolve("README.md"), "repo " + name + "\n", StandardCharsets.UTF_8);
            try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("init " + name).setAuthor("a", "a@example.com")
                        .setCommitter("a", "a@example.com").setSign(false).call();
            }
            out.add(new RepoTarget(dir.toString(), false));
        }
        return out;
    }

    /**
     * A scanner that copies the golden artifacts of the repo's directory name, or fails as its name says.
     */
    public static RepoScanner goldenScanner() {
        return (repo, outputRoot) -> {
            String name = repo.path().getFileName().toString();
            switch (name) {
                case "crash" -> throw new IllegalStateException("scanner bug");
                case "hang" -> new CountDownLatch(1).await();
                case "clone_failure" -> throw new RepoScanException(FailureReason.CLONE_FAILED, "no such remote", null);
                case "no_artifact" -> Files.createDirectories(outputRoot.resolve("agent-scanner"));
                default -> Fixtures.copyArtifacts(name, outputRoot);
            }
        };
    }

    /** A batch over {@code out} with the golden scanner. */
    public static FleetScan scan(Path out, int parallelism, Duration timeout, Optional<Path> previous,
            PrintStream progress) {
        return scan(out, parallelism, timeout, previous, progress, 0);
    }

    /** As above, with scan ids counting from {@code idBase + 1}. */
    public static FleetScan scan(Path out, int parallelism, Duration timeout, Optional<Path> previous,
            PrintStream progress, long idBase) {
        return new FleetScan(new FleetScanConfig(out, parallelism, timeout, KEY, previous), goldenScanner(),
                Fixtures.builder(idBase), progress, Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC));
    }

    /** A progress stream that collects its text. */
    public static PrintStream sink(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
