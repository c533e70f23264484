package dev.vulcan.sot;

import dev.vulcan.sot.models.ModelRunReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.sot.internal.adapter.LandingContext;
import dev.vulcan.sot.internal.adapter.LandingTable;
import dev.vulcan.sot.internal.adapter.LayoutScannerV1Adapter;
import dev.vulcan.sot.internal.adapter.LocV1Adapter;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.vulcan.core.artifact.ValidatedArtifacts;
import dev.vulcan.sot.internal.LandingSettings;
import org.duckdb.DuckDBConnection;

/**
 * Benchmark, not a test: imports a layout-scanner + loc artifact pair of N files (default 100,000) into a new
 * DuckDB file and builds every model with its data tests, then prints the figures. Run it with
 * {@code java -cp <test classpath> dev.vulcan.sot.SotBenchmark [files] [--landing-only]} or
 * {@code vulcan-sot/bench/sot-bench.sh} (see the module README); {@code --landing-only} stops after the landing
 * rounds.
 */
public final class SotBenchmark {

    private SotBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of files, and {@code --landing-only}
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean landingOnly = arguments.contains("--landing-only");
        int files = arguments.stream().filter(a -> !a.startsWith("--")).findFirst().map(Integer::parseInt)
                .orElse(100_000);
        Path dir = Files.createTempDirectory("sot-bench");
        try {
            run(dir, files, landingOnly);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void run(Path dir, int files, boolean landingOnly) throws Exception {
        List<TestRun.LayoutFile> layout = new ArrayList<>(files);
        List<TestRun.LocFile> loc = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            String path = "pkg" + (i % 50) + "/mod" + (i / 50 % 40) + "/sub" + (i / 2000 % 5) + "/file" + i + ".py";
            long lines = 20 + (i * 7919L) % 480;
            long comments = lines / 10;
            long blanks = lines / 8;
            layout.add(new TestRun.LayoutFile(path, "Python", i % 10 == 0 ? "test" : "source", lines));
            loc.add(new TestRun.LocFile(path, lines, lines - comments - blanks, comments, blanks, (i * 31L) % 40));
        }
        TestRun run = new TestRun(dir.resolve("out"));
        long t0 = System.nanoTime();
        run.writeLayout(layout);
        run.writeLoc(loc);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;

        landingOnly(run);
        if (landingOnly) {
            return;
        }
        try (SourceOfTruth sot = SourceOfTruth.open(dir.resolve("sot.duckdb"))) {
            System.out.printf(Locale.ROOT, "files: %,d; artifact writing (tools' side, not SoT): %.2f s; load average %.2f"
                    + " on %d cores%n", files, writeSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= 3; round++) {
                boolean verdictsKept = round == 3;
                if (!verdictsKept) {
                    // as in a process that did not write or read these artifacts before
                    ValidatedArtifacts.shared().clear();
                }
                long process0 = processCpu();
                long t1 = System.nanoTime();
                ImportReport report = sot.importRun(run.request(round > 1));
                double importSeconds = (System.nanoTime() - t1) / 1e9;
                double importCpu = (processCpu() - process0) / 1e9;
                long rows = 0;
                double landing = 0;
                double validation = 0;
                for (ToolImportResult tool : report.tools()) {
                    if (tool.status() != ToolImportStatus.IMPORTED) {
                        throw new IllegalStateException("not imported: " + tool);
                    }
                    rows += tool.totalRows();
                    landing += tool.landingTime().toNanos() / 1e9;
                    validation += tool.validationTime().toNanos() / 1e9;
                }
                long cpu1 = threads.getCurrentThreadCpuTime();
                long process1 = processCpu();
                long t2 = System.nanoTime();
                ModelRunReport models = sot.buildModels(run.runId);
                double modelSeconds = (System.nanoTime() - t2) / 1e9;
                double modelCpu = (threads.getCurrentThreadCpuTime() - cpu1) / 1e9;
                double modelProcessCpu = (processCpu() - process1) / 1e9;
                if (!models.succeeded()) {
                    throw new IllegalStateException("models failed: " + models);
                }
                int flags = sot.flags(run.runId).size();
                System.out.printf(Locale.ROOT, "round %d%s: landed rows %,d (layout files + directories + loc files"
                        + " + summaries); load %s%n", round, round == 1 ? " (cold JVM)" : verdictsKept
                        ? " (replace=true, warm JVM, schema verdicts of round 2 kept: the in-process case)"
                        : " (replace=true, warm JVM)", rows, load());
                System.out.printf(Locale.ROOT, "  pre-import validation (read, digest, schemas, paths, ids), summed over"
                        + " tools (they run two at a time): %.2f s%n", validation);
                System.out.printf(Locale.ROOT, "  landing (spool + read_csv, one transaction per tool incl. commit), summed over"
                        + " tools (they run two at a time): %.2f s%n", landing);
                System.out.printf(Locale.ROOT, "  importRun total incl. the checkpoint, landing checks and scores: %.2f s wall"
                        + " (%,.0f rows/s end to end), %.2f s CPU of the process%n", importSeconds, rows / importSeconds,
                        importCpu);
                System.out.printf(Locale.ROOT, "  all models (%d) + data tests (%d): %.2f s wall, %.2f s CPU of the"
                        + " calling thread, %.2f s CPU of the whole process (DuckDB threads included); flags raised: %d%n",
                        models.models().size(), models.tests().size(), modelSeconds, modelCpu, modelProcessCpu, flags);
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Lands the two artifacts straight through the adapters, without reading or validating them, the way
     * {@code importRun} does: each tool on its own duplicate connection and in its own transaction, prepared by
     * {@link LandingSettings}, with automatic checkpoints deferred and one explicit checkpoint after both commits.
     * Three rounds with the two tools in parallel (as {@code importRun} runs them), then three with the tools one
     * after the other on one thread.
     *
     * <p>Landing rows/s = rows inserted into the landing tables (lz_layout_files, lz_layout_directories,
     * tool_loc_files, tool_loc_languages, tool_loc_summary) / wall time from the first spooled value to the return of
     * the last commit (the rows are then durable in DuckDB's WAL). The checkpoint that follows (WAL into the main
     * file) is timed on its own and a second rate includes it.
     */
    private static void landingOnly(TestRun run) throws Exception {
        List<ToolAdapter> adapters = List.of(new LayoutScannerV1Adapter(), new LocV1Adapter());
        List<Envelope> envelopes = new ArrayList<>();
        for (ToolAdapter adapter : adapters) {
            envelopes.add(ArtifactIo.read(run.output.resolve(adapter.toolName()), adapter.contractSchemaId()).envelope());
        }
        Path db = run.output.resolveSibling("landing-only.duckdb");
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db)) {
            LandingSettings.configureDatabase(connection);
            for (ToolAdapter adapter : adapters) {
                for (LandingTable table : adapter.landingTables()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(table.ddl());
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                long runPk = 0;
                for (int round = 1; round <= 6; round++) {
                    boolean parallel = round <= 3;
                    long process = processCpu();
                    long wall = System.nanoTime();
                    LandingSettings.deferCheckpoints(connection);
                    List<Future<Long>> landed = new ArrayList<>();
                    for (int i = 0; i < adapters.size(); i++) {
                        ToolAdapter adapter = adapters.get(i);
                        Envelope envelope = envelopes.get(i);
                        long pk = ++runPk;
                        Callable<Long> task = () -> landTool(connection, adapter, envelope, pk, run);
                        landed.add(parallel ? pool.submit(task) : CompletableFuture.completedFuture(task.call()));
                    }
                    long rows = 0;
                    for (Future<Long> f : landed) {
                        rows += f.get();
                    }
                    double landingSeconds = (System.nanoTime() - wall) / 1e9;
                    long checkpointStart = System.nanoTime();
                    LandingSettings.checkpoint(connection);
                    double checkpointSeconds = (System.nanoTime() - checkpointStart) / 1e9;
                    double processSeconds = (processCpu() - process) / 1e9;
                    System.out.printf(Locale.ROOT, "landing only, %s, round %d: %,d rows landed in %.3f s wall ="
                            + " %,.0f rows/s; then checkpoint %.3f s (incl. checkpoint: %,.0f rows/s); %.2f s CPU of the"
                            + " process; load %s%n", parallel ? "layout || loc (as importRun)" : "layout then loc, one thread",
                            round, rows, landingSeconds, rows / landingSeconds, checkpointSeconds,
                            rows / (landingSeconds + checkpointSeconds), processSeconds, load());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static long landTool(DuckDBConnection connection, ToolAdapter adapter, Envelope envelope, long runPk,
            TestRun run) throws Exception {
        try (DuckDBConnection tx = connection.duplicate()) {
            LandingSettings.prepareToolConnection(tx);
            tx.setAutoCommit(false);
            Map<String, Long> counts = adapter.land(new LandingContext(tx, runPk, run.runId, run.repoId), envelope);
            tx.commit();
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
