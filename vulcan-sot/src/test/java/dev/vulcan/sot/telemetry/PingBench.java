package dev.vulcan.sot.telemetry;

import dev.vulcan.sot.telemetry.TestPings.Spec;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Bench (not a test): generates N pings (default 50,000; seeded, so every run imports the same file), imports
 * them into a fresh DuckDB file with {@link PingStore} and reads every {@link PingView}, printing the time of each
 * step. Run it with {@code vulcan-sot/bench/telemetry-ping-bench.sh [pings]}.
 */
public final class PingBench {

    private static final List<String> FRAMEWORKS = List.of("AutoGen", "CrewAI", "LangChain", "LangGraph", "LlamaIndex");
    private static final List<String> PROVIDERS = List.of("anthropic", "google", "mistral", "ollama", "openai");

    private PingBench() {
    }

    /**
     * Runs the bench.
     *
     * @param args optionally the number of pings, then a work directory
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ping-bench");
        Files.createDirectories(dir);
        Path pings = dir.resolve("pings.jsonl");
        Path db = dir.resolve("telemetry.duckdb");
        Files.deleteIfExists(db);
        long t0 = System.nanoTime();
        generate(pings, n, new Random(42));
        long generated = System.nanoTime();
        System.out.printf("generated %,d pings (%,d bytes) in %.2f s%n", n, Files.size(pings), sec(t0, generated));

        long start = System.nanoTime();
        PingImportReport report;
        long imported;
        long rows = 0;
        try (PingStore store = PingStore.open(db)) {
            report = store.importPings(pings);
            imported = System.nanoTime();
            report.rejections().stream().limit(3).forEach(r -> System.out.println("rejected line " + r.line() + ": " + r.problem()));
            System.out.printf("import: %,d lines, %,d imported, %,d rejected in %.2f s%n", report.lines(),
                    report.imported(), report.rejected(), sec(start, imported));
            long viewStart = System.nanoTime();
            for (PingView view : PingView.values()) {
                long v0 = System.nanoTime();
                int count = store.view(view).size();
                rows += count;
                System.out.printf("view %-36s %,7d rows in %.3f s%n", view.viewName(), count, sec(v0, System.nanoTime()));
            }
            System.out.printf("all views: %.2f s%n", sec(viewStart, System.nanoTime()));
        }
        double total = sec(start, System.nanoTime());
        System.out.printf("TOTAL import + all views: %.2f s (target < 10 s) -> %s%n", total,
                total < 10 ? "OK" : "OVER TARGET");
        System.out.printf("peak heap used: %,d MiB (max %,d MiB)%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void generate(Path file, int n, Random random) throws Exception {
        List<String> rules = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rules.add(String.format("STRATUM-%03d", i));
        }
        rules.add("STRATUM-CR05");
        rules.add("STRATUM-CR06");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int agents = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(40);
                int crews = agents == 0 ? 0 : random.nextInt(Math.min(agents, 15) + 1);
                List<String> fw = pick(FRAMEWORKS, agents == 0 ? 0 : 1 + random.nextInt(2), random);
                List<String> pr = pick(PROVIDERS, agents == 0 ? 0 : random.nextInt(3), random);
                List<String> ru = pick(rules, agents == 0 ? 0 : random.nextInt(6), random);
                int findings = ru.size() + (ru.isEmpty() ? 0 : random.nextInt(20));
                List<List<String>> pairs = new ArrayList<>();
                if (crews > 0) {
                    for (int a = 0; a < ru.size(); a++) {
                        for (int b = a + 1; b < ru.size(); b++) {
                            if (random.nextBoolean()) {
                                pairs.add(List.of(ru.get(a), ru.get(b)));
                            }
                        }
                    }
                }
                int nodes = agents == 0 ? 0 : agents + random.nextInt(10);
                double hub = nodes == 0 ? 0 : random.nextDouble();
                String hash = String.format("%016x", (long) (i % (n - n / 10)) * 0x9E3779B97F4A7C15L);
                String day = String.format("2026-11-%02dT00:00:00Z", 1 + i / (n / 10 + 1));
                w.write(TestPings.ping(new Spec(new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString(), hash, day, fw, ru,
                        pr, agents, crews, findings, nodes, hub, pairs)).toString());
                w.write('\n');
            }
        }
    }

    private static List<String> pick(List<String> from, int k, Random random) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        List<String> out = new ArrayList<>(copy.subList(0, Math.min(k, copy.size())));
        java.util.Collections.sort(out);
        return out;
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
