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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.sql.DriverManager;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * Benchmark, not a test: imports a layout-scanner + loc artifact pair of N files (default 100,000) into a new
 * DuckDB file and builds every model with its data tests, then prints the figures. Run it with
 * {@code java -cp <test classpath> dev.vulcan.sot.SotBenchmark [files]} (see the module README).
 */
public final class SotBenchmark {

    private SotBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of files
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("sot-bench");
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
        try (SourceOfTruth sot = SourceOfTruth.open(dir.resolve("sot.duckdb"))) {
            System.out.printf(Locale.ROOT, "files: %,d; artifact writing (tools' side, not SoT): %.2f s; load average %.1f"
                    + " on %d cores%n", files, writeSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= 2; round++) {
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
                        + " + summaries)%n", round, round > 1 ? " (replace=true, warm JVM)" : " (cold JVM)", rows);
                System.out.printf(Locale.ROOT, "  pre-import validation (read, digest, schemas, paths, ids), summed over"
                        + " tools (they run two at a time): %.2f s%n", validation);
                System.out.printf(Locale.ROOT, "  landing (spool + read_csv, one transaction per tool incl. commit), summed over"
                        + " tools: %.2f s (%,.0f rows/s)%n", landing, rows / landing);
                System.out.printf(Locale.ROOT, "  importRun total incl. landing checks and scores: %.2f s wall"
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

    /** Lands the two artifacts straight through the adapters, three times, and prints wall and CPU throughput. */
    private static void landingOnly(TestRun run) throws Exception {
        List<ToolAdapter> adapters = List.of(new LayoutScannerV1Adapter(), new LocV1Adapter());
        List<Envelope> envelopes = new ArrayList<>();
        for (ToolAdapter adapter : adapters) {
            envelopes.add(ArtifactIo.read(run.output.resolve(adapter.toolName()), adapter.contractSchemaId()).envelope());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path db = run.output.resolveSibling("landing-only.duckdb");
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db)) {
            for (ToolAdapter adapter : adapters) {
                for (LandingTable table : adapter.landingTables()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(table.ddl());
                    }
                }
            }
            for (int round = 1; round <= 3; round++) {
                long rows = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long process = processCpu();
                long wall = System.nanoTime();
                for (int i = 0; i < adapters.size(); i++) {
                    connection.setAutoCommit(false);
                    Map<String, Long> counts = adapters.get(i).land(
                            new LandingContext(connection, round, run.runId, run.repoId), envelopes.get(i));
                    connection.commit();
                    connection.setAutoCommit(true);
                    rows += counts.values().stream().mapToLong(Long::longValue).sum();
                }
                double wallSeconds = (System.nanoTime() - wall) / 1e9;
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                double processSeconds = (processCpu() - process) / 1e9;
                System.out.printf(Locale.ROOT, "landing only, round %d: %,d rows in %.2f s wall (%,.0f rows/s), %.2f s CPU"
                        + " of the calling thread (%,.0f rows/s), %.2f s CPU of the process (%,.0f rows/s)%n", round, rows,
                        wallSeconds, rows / wallSeconds, cpuSeconds, rows / cpuSeconds, processSeconds,
                        rows / processSeconds);
            }
        }
    }
}
