package dev.vulcan.telemetry.fleet;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.PingBuilder;
import dev.vulcan.telemetry.PingContext;
import dev.vulcan.telemetry.PreviousScan;
import dev.vulcan.telemetry.RepoHasher;
import dev.vulcan.telemetry.RepoIdentity;
import dev.vulcan.telemetry.TelemetryPing;
import dev.vulcan.telemetry.checks.PingChecks;
import dev.vulcan.telemetry.internal.PingLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fleet batch: one telemetry ping per repository of a list, failures included.
 *
 * <p>Repos are scanned by a pluggable {@link RepoScanner}, at most {@code parallelism} at once, each in its own
 * thread with a per-repo timeout: a scan still running at the timeout is interrupted and abandoned, and the repo
 * gets a {@code failed} ping ({@code timeout}). Each ping is validated and appended to {@code pings.jsonl} as one
 * fsynced line; a restarted batch skips the repos whose repo_hash is already in {@code pings.jsonl}. At the end,
 * {@code batch-results.json} is derived from {@code pings.jsonl}, and {@code repo-map.private.json} maps each
 * repo_hash to the input it came from (private to the fleet operator: it never goes with the pings). Progress
 * (done/total, failures, rate, ETA) goes to the progress stream, normally stderr.
 */
public final class FleetScan {

    /** The pings file name. */
    public static final String PINGS = "pings.jsonl";
    /** The batch results file name. */
    public static final String BATCH_RESULTS = "batch-results.json";
    /** The private repo map file name. */
    public static final String REPO_MAP = "repo-map.private.json";

    private final FleetScanConfig config;
    private final RepoScanner scanner;
    private final PingBuilder builder;
    private final PrintStream progress;
    private final Clock clock;

    /**
     * Creates a batch.
     *
     * @param config the settings
     * @param scanner the scanner that produces a repo's artifacts
     * @param builder the ping builder
     * @param progress where progress lines go (stderr in the CLI)
     * @param clock the wall clock of the batch results
     * @throws IllegalStateException if the agent-scanner output schema is not on the class path (the tool jar
     *     must be, so that artifacts can be validated)
     */
    public FleetScan(FleetScanConfig config, RepoScanner scanner, PingBuilder builder, PrintStream progress,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!SchemaValidator.shared().isKnown(TelemetryPing.AGENT_SCANNER_SCHEMA)) {
            throw new IllegalStateException("the agent-scanner output schema " + TelemetryPing.AGENT_SCANNER_SCHEMA
                    + " is not on the class path: put the agent-scanner tool jar on the runtime class path");
        }
    }

    /**
     * Reads a repo list: one path or git URL per line; blank lines and lines starting with {@code #} are skipped.
     * A directory instead of a file lists its sub-directories (each a repo), sorted by name.
     *
     * @param listOrDirectory the list file or a directory of repos
     * @return the targets in order
     * @throws IOException if the list cannot be read
     */
    public static List<RepoTarget> readRepoList(Path listOrDirectory) throws IOException {
        Objects.requireNonNull(listOrDirectory, "listOrDirectory");
        List<RepoTarget> out = new ArrayList<>();
        if (Files.isDirectory(listOrDirectory)) {
            try (Stream<Path> children = Files.list(listOrDirectory)) {
                children.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted()
                        .forEach(p -> out.add(new RepoTarget(p.toString(), false)));
            }
            return out;
        }
        for (String line : Files.readAllLines(listOrDirectory)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(RepoTarget.parse(s));
            }
        }
        return out;
    }

    /**
     * Runs the batch.
     *
     * @param repos the repositories
     * @return what the run did
     * @throws IOException if the batch directory or its files cannot be written
     * @throws InterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if the previous pings file is this batch's own pings file
     */
    public FleetSummary run(List<RepoTarget> repos) throws IOException, InterruptedException {
        Objects.requireNonNull(repos, "repos");
        long started = System.nanoTime();
        Path out = config.outDir();
        Files.createDirectories(out.resolve("work"));
        Path pingsFile = out.resolve(PINGS);
        if (config.previousPings().isPresent() && config.previousPings().get().toAbsolutePath().normalize()
                .equals(pingsFile.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the previous pings are this batch's own " + pingsFile
                    + ": a rescan writes to a new batch directory (a restart would skip every repo)");
        }
        Set<String> done = ConcurrentHashMap.newKeySet();
        Map<String, PreviousScan> previous = previousScans();
        Map<String, ObjectNode> repoMap = new ConcurrentHashMap<>(readRepoMap(out.resolve(REPO_MAP)));
        Map<String, Integer> byStatus = new ConcurrentHashMap<>();
        RepoHasher hasher = new RepoHasher(config.fleetKey());
        AtomicInteger scanned = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Map<String, RepoTarget> byInput = new LinkedHashMap<>();
        repos.forEach(r -> byInput.putIfAbsent(r.input(), r));
        List<RepoTarget> distinct = List.copyOf(byInput.values());
        ExecutorService workers = Executors.newFixedThreadPool(config.parallelism(), daemon("fleet-worker"));
        ExecutorService scans = Executors.newCachedThreadPool(daemon("fleet-scan"));
        try (PingLog log = openLog(pingsFile, done)) {
            List<Future<?>> futures = new ArrayList<>();
            for (RepoTarget repo : distinct) {
                futures.add(workers.submit(() -> {
                    long t0 = builder.now();
                    Identified id = identify(repo, hasher);
                    repoMap.put(id.hash(), mapEntry(repo, id));
                    if (!done.add(id.hash())) {
                        skipped.incrementAndGet();
                    } else {
                        ObjectNode ping = scanOne(repo, id, t0, previous, scans);
                        try {
                            log.append(ping);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        scanned.incrementAndGet();
                        String status = ping.get("scan_status").asString();
                        byStatus.merge(status, 1, Integer::sum);
                        if ("failed".equals(status)) {
                            failed.incrementAndGet();
                        }
                    }
                    report(finished.incrementAndGet(), distinct.size(), scanned.get(), skipped.get(), failed.get(),
                            started);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw new IllegalStateException("fleet worker failed: " + cause, cause);
                }
            }
        } finally {
            workers.shutdownNow();
            scans.shutdownNow();
        }
        writeRepoMap(out.resolve(REPO_MAP), repoMap);
        try {
            Files.deleteIfExists(out.resolve("work"));
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            progress.println("[fleet] " + out.resolve("work") + " keeps the artifacts of abandoned (timed out) scans");
        }
        List<ObjectNode> entries = new ArrayList<>();
        PingChecks.forEachPing(pingsFile, r -> entries.add(BatchResults.entry(r.ping())));
        ArtifactIo.writeAtomically(out.resolve(BATCH_RESULTS), Json.toBytes(BatchResults.document(entries,
                clock.instant())));
        return new FleetSummary(distinct.size(), scanned.get(), skipped.get(), new TreeMap<>(byStatus),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record Identified(String hash, RepoIdentity identity, Optional<String> unreadable) {
    }

    private static Identified identify(RepoTarget repo, RepoHasher hasher) {
        RepoIdentity identity;
        Optional<String> unreadable = Optional.empty();
        if (repo.url()) {
            identity = RepoIdentity.ofUrl(repo.input());
        } else {
            try {
                identity = RepoIdentity.ofDirectory(repo.path());
            } catch (IOException | RuntimeException e) {
                identity = new RepoIdentity(RepoIdentity.Kind.PATH, repo.path().toAbsolutePath().normalize().toString());
                unreadable = Optional.of(String.valueOf(e.getMessage()));
            }
        }
        return new Identified(hasher.repoHash(identity), identity, unreadable);
    }

    private ObjectNode scanOne(RepoTarget repo, Identified id, long t0, Map<String, PreviousScan> previous,
            ExecutorService scans) {
        PingContext context = new PingContext(id.hash(), t0, Optional.ofNullable(previous.get(id.hash())));
        if (id.unreadable().isPresent()) {
            progress.println("[fleet] " + id.hash() + ": unreadable repo: " + id.unreadable().get());
            return builder.failed(context, FailureReason.UNREADABLE_REPO);
        }
        Path work = config.outDir().resolve("work").resolve(id.hash());
        try {
            deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<?> scan = scans.submit(() -> {
            scanner.scan(repo, work);
            return null;
        });
        try {
            scan.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return builder.fromArtifacts(context, work, m -> progress.println("[fleet] " + id.hash() + ": " + m));
        } catch (TimeoutException e) {
            scan.cancel(true);
            progress.println("[fleet] " + id.hash() + ": timed out after " + config.timeout().toSeconds() + " s");
            return builder.failed(context, FailureReason.TIMEOUT);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            FailureReason reason = cause instanceof RepoScanException r ? r.reason() : FailureReason.CRASH;
            progress.println("[fleet] " + id.hash() + ": " + reason.code() + ": " + cause);
            return builder.failed(context, reason);
        } catch (InterruptedException e) {
            scan.cancel(true);
            Thread.currentThread().interrupt();
            return builder.failed(context, FailureReason.TIMEOUT);
        } catch (RuntimeException e) {
            progress.println("[fleet] " + id.hash() + ": cannot build the ping: " + e);
            return builder.failed(context, FailureReason.INVALID_ARTIFACT);
        } finally {
            if (scan.isDone()) {
                try {
                    deleteTree(work);
                } catch (IOException e) {
                    progress.println("[fleet] " + id.hash() + ": cannot delete " + work + ": " + e);
                }
            }
        }
    }

    private PingLog openLog(Path pingsFile, Set<String> done) throws IOException {
        PingLog log = PingLog.open(pingsFile, progress);
        PingChecks.forEachPing(pingsFile, r -> done.add(r.ping().path("repo_hash").asString("")));
        if (!done.isEmpty()) {
            progress.println("[fleet] restart: " + done.size() + " repos already have a ping in " + pingsFile);
        }
        return log;
    }

    private Map<String, PreviousScan> previousScans() throws IOException {
        Map<String, PreviousScan> out = new LinkedHashMap<>();
        if (config.previousPings().isEmpty()) {
            return out;
        }
        Map<String, String> latestTimestamp = new LinkedHashMap<>();
        PingChecks.forEachPing(config.previousPings().get(), r -> {
            JsonNode p = r.ping();
            String hash = p.path("repo_hash").asString("");
            String timestamp = p.path("timestamp").asString("");
            if (timestamp.compareTo(latestTimestamp.getOrDefault(hash, "")) >= 0) {
                latestTimestamp.put(hash, timestamp);
                JsonNode score = p.get("risk_score");
                out.put(hash, new PreviousScan(UUID.fromString(p.get("scan_id").asString()),
                        score != null && score.canConvertToInt() ? Optional.of(score.asInt()) : Optional.empty()));
            }
        });
        return out;
    }

    private static ObjectNode mapEntry(RepoTarget repo, Identified id) {
        ObjectNode e = Json.object();
        e.put("repo_hash", id.hash());
        e.put("input", repo.input());
        e.put("identity_kind", id.identity().kind().code());
        e.put("identity", id.identity().value());
        return e;
    }

    private static Map<String, ObjectNode> readRepoMap(Path file) {
        Map<String, ObjectNode> out = new TreeMap<>();
        if (Files.exists(file)) {
            for (JsonNode e : Json.read(file).path("repos")) {
                out.put(e.path("repo_hash").asString(""), (ObjectNode) e);
            }
        }
        return out;
    }

    private static void writeRepoMap(Path file, Map<String, ObjectNode> map) throws IOException {
        ObjectNode doc = Json.object();
        doc.put("description", "PRIVATE: repo_hash -> repository. Keep with the fleet key; never publish with the pings.");
        ArrayNode repos = doc.putArray("repos");
        new TreeMap<>(map).values().forEach(repos::add);
        ArtifactIo.writeAtomically(file, Json.toBytes(doc));
    }

    private void report(int finished, int total, int scanned, int skipped, int failed, long started) {
        double minutes = (System.nanoTime() - started) / 60e9;
        double rate = minutes > 0 ? scanned / minutes : 0;
        int remaining = total - finished;
        String eta = rate > 0 ? formatDuration(Duration.ofSeconds((long) Math.ceil(remaining / rate * 60))) : "?";
        progress.println(String.format(Locale.ROOT, "[fleet] %d/%d done (%d scanned, %d skipped, %d failed), %.1f repos/min, ETA %s",
                finished, total, scanned, skipped, failed, rate, eta));
    }

    private static String formatDuration(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Deletes a directory tree without following symbolic links. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

}
