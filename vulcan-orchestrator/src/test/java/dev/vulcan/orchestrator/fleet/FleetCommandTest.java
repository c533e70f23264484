package dev.vulcan.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.cli.VulcanCli;
import dev.vulcan.orchestrator.exec.ProcessBackend;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.sot.telemetry.PingStore;
import dev.vulcan.sot.telemetry.PingView;
import dev.vulcan.telemetry.fleet.RepoTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code vulcan fleet scan|validate|import} end to end: a fleet of JGit-built repos (a CrewAI project, a plain
 * library without agents, a project with a Python syntax error, and a path that does not exist), scanned by the
 * real agent-scanner in child JVMs, validated by the S1-S18 checks, restarted, and imported into DuckDB.
 * The batch runs once for the class (child JVMs are the slow part); the tests run in order on its output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetCommandTest {

    @TempDir
    static Path dir;

    private static Path out;
    private static Path list;
    private static Path key;
    private static Result firstRun;

    private record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void scanFleet() throws Exception {
        Path repos = Files.createDirectories(dir.resolve("repos"));
        for (String name : List.of("crewai_project", "plain_library", "syntax_error")) {
            TestRepos.init(repos.resolve(name), "main", fixture(name));
        }
        list = dir.resolve("repos.txt");
        Files.writeString(list, "# the fleet\n" + repos.resolve("crewai_project") + "\n" + repos.resolve("plain_library")
                + "\n" + repos.resolve("syntax_error") + "\n" + repos.resolve("does_not_exist") + "\n");
        out = dir.resolve("batch");
        key = dir.resolve("keys").resolve("fleet.key");
        firstRun = vulcan("fleet", "scan", "--repos", list.toString(), "--out", out.toString(), "--parallel", "2",
                "--timeout", "300", "--fleet-key", key.toString());
    }

    @Test
    @Order(1)
    void scan_gives_every_repo_a_ping_with_its_status() throws IOException {
        assertThat(firstRun.status()).as(firstRun.err()).isZero();
        assertThat(firstRun.out()).contains("4 repos: 4 scanned, 0 skipped");
        assertThat(firstRun.err()).contains("[fleet] 4/4 done");
        List<JsonNode> pings = pings();
        assertThat(pings).hasSize(4);
        assertThat(pings).extracting(p -> p.get("scan_status").asString())
                .containsExactlyInAnyOrder("success", "empty", "partial", "failed");
        JsonNode crew = byStatus(pings, "success");
        assertThat(crew.get("frameworks").toString()).contains("CrewAI");
        assertThat(crew.get("agent_count").asInt()).isEqualTo(3);
        assertThat(crew.get("crew_count").asInt()).isEqualTo(1);
        assertThat(crew.get("llm_providers").toString()).contains("openai");
        JsonNode empty = byStatus(pings, "empty");
        assertThat(empty.get("agent_count").asInt()).isZero();
        assertThat(empty.get("finding_count").asInt()).isZero();
        assertThat(byStatus(pings, "partial").get("parser_errors").asInt()).isPositive();
        assertThat(byStatus(pings, "failed").get("failure_reason").asString()).isEqualTo("unreadable_repo");
        assertThat(out.resolve("batch-results.json")).isRegularFile();
        assertThat(out.resolve("repo-map.private.json")).isRegularFile();
    }

    @Test
    @Order(2)
    void pings_carry_no_path_or_repo_name() throws IOException {
        String text = Files.readString(out.resolve("pings.jsonl")) + Files.readString(out.resolve("batch-results.json"));
        assertThat(text).doesNotContain(dir.toString()).doesNotContain("crewai_project").doesNotContain("plain_library")
                .doesNotContain("syntax_error").doesNotContain("crew.py");
        assertThat(Files.readString(out.resolve("repo-map.private.json"))).contains("crewai_project");
    }

    @Test
    @Order(3)
    void validate_runs_the_s_checks_and_passes() {
        Result r = vulcan("fleet", "validate", out.resolve("pings.jsonl").toString(), "--batch-results",
                out.resolve("batch-results.json").toString());
        assertThat(r.out()).contains("S13  PASS  checked 1").contains("S14  PASS").contains("S16  PASS").contains("S17  PASS");
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains("ALL PASS");
    }

    @Test
    @Order(4)
    void validate_fails_on_a_tampered_batch_results_file() throws IOException {
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(out.resolve("batch-results.json"))
                .replaceFirst("\"scan_status\"\\s*:\\s*\"success\"", "\"scan_status\":\"empty\""));
        Result r = vulcan("fleet", "validate", out.resolve("pings.jsonl").toString(), "--batch-results",
                tampered.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("S1   FAIL");
    }

    @Test
    @Order(5)
    void a_restarted_batch_skips_repos_already_done() throws IOException {
        List<String> before = Files.readAllLines(out.resolve("pings.jsonl"));
        Result again = vulcan("fleet", "scan", "--repos", list.toString(), "--out", out.toString(), "--fleet-key",
                key.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("4 repos: 0 scanned, 4 skipped");
        assertThat(Files.readAllLines(out.resolve("pings.jsonl"))).isEqualTo(before);
    }

    @Test
    @Order(6)
    void import_lands_the_pings_and_the_views_answer() {
        Path db = dir.resolve("telemetry.duckdb");
        Result r = vulcan("fleet", "import", out.resolve("pings.jsonl").toString(), "--db", db.toString());
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("4 lines: 4 imported, 0 duplicates skipped, 0 rejected");
        try (PingStore store = PingStore.open(db)) {
            // Analyzed: the CrewAI project (success), the library (empty), the syntax-error project (partial).
            assertThat(store.view(PingView.ANALYZED_REPOS)).hasSize(3);
            assertThat(store.view(PingView.FRAMEWORK_RULE_SHARE)).extracting(row -> row.get("framework"))
                    .contains("CrewAI");
            assertThat(store.view(PingView.PROVIDER_CONCENTRATION)).extracting(row -> row.get("provider"))
                    .contains("openai");
        }
    }

    @Test
    @Order(8)
    void a_second_batch_clones_urls_and_marks_rescans() throws IOException {
        Path crew = dir.resolve("repos").resolve("crewai_project");
        JsonNode first = byStatus(pings(), "success");
        Path list2 = dir.resolve("repos2.txt");
        Files.writeString(list2, crew + "\n" + crew.toUri() + "\n" + dir.resolve("missing.git").toUri() + "\n");
        Path out2 = dir.resolve("batch2");
        Result r = vulcan("fleet", "scan", "--repos", list2.toString(), "--out", out2.toString(), "--fleet-key",
                key.toString(), "--previous-pings", out.resolve("pings.jsonl").toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> pings2 = new ArrayList<>();
        for (String line : Files.readAllLines(out2.resolve("pings.jsonl"))) {
            pings2.add(Json.mapper().readTree(line));
        }
        assertThat(pings2).hasSize(3);
        JsonNode rescan = pings2.stream().filter(p -> p.get("repo_hash").equals(first.get("repo_hash")))
                .findFirst().orElseThrow();
        assertThat(rescan.get("is_rescan").asBoolean()).isTrue();
        assertThat(rescan.get("pre_scan_id").asString()).isEqualTo(first.get("scan_id").asString());
        assertThat(rescan.get("prev_score").asInt()).isEqualTo(first.get("risk_score").asInt());
        // The file:// URL is a clone (another identity: its normalized URL), scanned like the path.
        JsonNode cloned = pings2.stream().filter(p -> !p.get("repo_hash").equals(first.get("repo_hash"))
                && p.get("scan_status").asString().equals("success")).findFirst().orElseThrow();
        assertThat(cloned.get("agent_count").asInt()).isEqualTo(first.get("agent_count").asInt());
        assertThat(cloned.get("finding_rules")).isEqualTo(first.get("finding_rules"));
        assertThat(pings2).filteredOn(p -> p.get("scan_status").asString().equals("failed"))
                .extracting(p -> p.get("failure_reason").asString()).containsExactly("clone_failed");
        assertThat(Files.readString(out2.resolve("pings.jsonl"))).doesNotContain(dir.toString());
    }

    @Test
    @Order(7)
    void import_refuses_a_missing_file() {
        Result r = vulcan("fleet", "import", dir.resolve("nope.jsonl").toString(), "--db",
                dir.resolve("x.duckdb").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("nope.jsonl");
    }

    @Test
    void interrupting_a_scan_kills_its_child_process() throws Exception {
        ProcessBackend sleeper = new ProcessBackend(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), 64, SleepingChildMain.class.getName(), List.of());
        AgentScannerRepoScanner scanner = new AgentScannerRepoScanner(
                ToolRegistry.discover(getClass().getClassLoader()), sleeper, Duration.ofHours(1));
        Path repo = dir.resolve("repos").resolve("plain_library");
        Path work = Files.createDirectories(dir.resolve("kill-work"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                scanner.scan(new RepoTarget(repo.toString(), false), work);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        List<Long> before = children();
        worker.start();
        // The scanner's child is the one new child of this JVM (a guard ends the wait if it never starts).
        List<ProcessHandle> started = new ArrayList<>();
        long guard = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (started.isEmpty() && worker.isAlive() && System.nanoTime() < guard) {
            ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).forEach(started::add);
            Thread.sleep(50);
        }
        assertThat(started).as("the scanner's child process").isNotEmpty();
        worker.interrupt();
        worker.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        started.get(0).onExit().join();
        assertThat(started.get(0).isAlive()).isFalse();
    }

    @Test
    void scan_refuses_a_missing_repo_list_and_a_bad_timeout() {
        Result missing = vulcan("fleet", "scan", "--repos", dir.resolve("no-list.txt").toString(), "--out",
                dir.resolve("out2").toString(), "--fleet-key", key.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no-list.txt");
        Result timeout = vulcan("fleet", "scan", "--repos", list.toString(), "--out", dir.resolve("out3").toString(),
                "--timeout", "0", "--fleet-key", key.toString());
        assertThat(timeout.status()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout");
    }

    @Test
    void scanner_requires_the_agent_scanner_tool() {
        assertThatThrownBy(() -> new AgentScannerRepoScanner(ToolRegistry.of(List.of()),
                ProcessBackend.forCurrentJvm(64), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent-scanner");
    }

    private static List<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).toList();
    }

    private static List<JsonNode> pings() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(FleetCommandTest.out.resolve("pings.jsonl"))) {
            if (!line.isBlank()) {
                out.add(Json.mapper().readTree(line));
            }
        }
        return out;
    }

    private static JsonNode byStatus(List<JsonNode> pings, String status) {
        return pings.stream().filter(p -> p.get("scan_status").asString().equals(status)).findFirst().orElseThrow();
    }

    private static Result vulcan(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = VulcanCli.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Result(status, o.toString(), e.toString());
    }

    private static Map<String, String> fixture(String name) throws IOException, URISyntaxException {
        Path root = Path.of(FleetCommandTest.class.getResource("testdata/repos/" + name).toURI());
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    files.put(root.relativize(p).toString().replace('\\', '/'),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
