package dev.vulcan.tool.agents.bench;

import dev.vulcan.tool.agents.internal.AgentScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test): generates a repository of 300 files, 100 of them Python (crews, graphs and plain
 * modules of about 80 lines), and times in-process scans after warm-up. Run {@code bench/bench.sh} (prints the
 * machine load with each figure), or
 * {@code java -cp target/test-classes:target/classes:CLASSPATH dev.vulcan.tool.agents.bench.ScanBenchmark}.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    /**
     * Runs the benchmark; the generated repository is deleted afterwards.
     *
     * @param args optional: the number of timed runs (default 10)
     * @throws IOException if the repository cannot be written
     */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path repo = Files.createTempDirectory("agent-scanner-bench");
        try {
            generate(repo);
            run(repo, runs);
        } finally {
            try (var walk = Files.walk(repo)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path repo, int runs) throws IOException {
        for (int i = 0; i < 5; i++) {
            new AgentScanner(repo, () -> { }).scan();
        }
        long[] millis = new long[runs];
        long[] cpu = new long[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        int agents = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            AgentScanner.Result r = new AgentScanner(repo, () -> { }).scan();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            agents = r.data().at("/summary/agent_count").asInt();
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "300 files (100 Python), %d agents: wall median %d ms (min %d, max %d), "
                + "process CPU median %d ms (min %d) over %d runs%n",
                agents, millis[runs / 2], millis[0], millis[runs - 1], cpu[runs / 2], cpu[0], runs);
    }

    private static void generate(Path repo) throws IOException {
        for (int i = 0; i < 100; i++) {
            String source = switch (i % 3) {
                case 0 -> crew(i);
                case 1 -> graph(i);
                default -> plain(i);
            };
            write(repo.resolve("pkg" + (i % 10) + "/module_" + i + ".py"), source);
        }
        for (int i = 0; i < 100; i++) {
            write(repo.resolve("docs/page_" + i + ".md"), "# Page " + i + "\n\nText.\n".repeat(20));
        }
        for (int i = 0; i < 50; i++) {
            write(repo.resolve("config/settings_" + i + ".yaml"), "name: s" + i + "\nvalues:\n  - 1\n  - 2\n");
        }
        for (int i = 0; i < 50; i++) {
            write(repo.resolve("data/item_" + i + ".json"), "{\"id\": " + i + "}\n");
        }
    }

    private static String crew(int i) {
        return """
                from crewai import Agent, Crew, Process, Task
                from crewai_tools import SerperDevTool, FileReadTool

                search = SerperDevTool()
                reader_%1$d = Agent(role="Reader", goal="g", backstory="b", tools=[FileReadTool()])
                writer_%1$d = Agent(role="Writer", goal="g", backstory="b", tools=[search])
                t1 = Task(description="d", expected_output="e", agent=reader_%1$d)
                t2 = Task(description="d", expected_output="e", agent=writer_%1$d)
                crew_%1$d = Crew(agents=[reader_%1$d, writer_%1$d], tasks=[t1, t2], process=Process.sequential)
                """.formatted(i) + plain(i);
    }

    private static String graph(int i) {
        return """
                from langgraph.graph import StateGraph, END

                def a(s):
                    return s

                def b(s):
                    return s

                g_%1$d = StateGraph(dict)
                g_%1$d.add_node("a", a)
                g_%1$d.add_node("b", b)
                g_%1$d.add_edge("a", "b")
                g_%1$d.add_edge("b", END)
                app_%1$d = g_%1$d.compile(interrupt_before=["b"])
                """.formatted(i) + plain(i);
    }

    private static String plain(int i) {
        StringBuilder s = new StringBuilder("\n\nclass Helper%d:\n    \"\"\"Helper.\"\"\"\n\n".formatted(i));
        for (int f = 0; f < 12; f++) {
            s.append("    def method_").append(f).append("(self, x, y=None):\n")
                    .append("        total = 0\n        for v in range(x):\n            if v %% 2 == 0:\n".formatted())
                    .append("                total += v * ").append(f).append("\n        return {\"total\": total, \"y\": y}\n\n");
        }
        return s.toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
