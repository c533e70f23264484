package dev.vulcan.telemetry.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.telemetry.Fixtures;
import dev.vulcan.telemetry.TelemetryPing;
import dev.vulcan.telemetry.checks.PingChecks;
import dev.vulcan.telemetry.checks.PingRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FleetScanTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static Map<String, JsonNode> byInput(Path out) throws IOException {
        JsonNode map = Json.read(out.resolve(FleetScan.REPO_MAP));
        Map<String, String> hashToName = new java.util.HashMap<>();
        map.get("repos").forEach(e -> hashToName.put(e.get("repo_hash").asString(),
                Path.of(e.get("input").asString()).getFileName().toString()));
        return PingChecks.readPings(out.resolve(FleetScan.PINGS)).stream().map(PingRow::ping)
                .collect(Collectors.toMap(p -> hashToName.get(p.get("repo_hash").asString()), Function.identity()));
    }

    @Test
    void every_repo_gets_a_valid_ping_failures_included(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>(Fixtures.REPOS);
        names.addAll(FleetFixtures.FAILURES);
        List<RepoTarget> repos = FleetFixtures.repos(tmp.resolve("repos"), names);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");

        FleetSummary summary = FleetFixtures.scan(out, 2, TIMEOUT, Optional.empty(), FleetFixtures.sink(progress))
                .run(repos);

        assertThat(summary.total()).isEqualTo(20);
        assertThat(summary.scanned()).isEqualTo(20);
        List<String> lines = Files.readAllLines(out.resolve(FleetScan.PINGS));
        assertThat(lines).hasSize(20).allSatisfy(l -> assertThat(l).doesNotContain("\n").startsWith("{"));
        Map<String, JsonNode> pings = byInput(out);
        pings.values().forEach(p -> assertThat(TelemetryPing.validate(p)).isEmpty());
        assertThat(pings.get("crewai_python").get("scan_status").asString()).isEqualTo("success");
        assertThat(pings.get("syntax_error").get("scan_status").asString()).isEqualTo("partial");
        assertThat(pings.get("plain_library").get("scan_status").asString()).isEqualTo("empty");
        assertThat(pings.get("plain_library").get("finding_count").asInt()).isZero();
        assertThat(pings.get("crash").get("failure_reason").asString()).isEqualTo("crash");
        assertThat(pings.get("hang").get("failure_reason").asString()).isEqualTo("timeout");
        assertThat(pings.get("clone_failure").get("failure_reason").asString()).isEqualTo("clone_failed");
        assertThat(pings.get("no_artifact").get("failure_reason").asString()).isEqualTo("invalid_artifact");
        assertThat(summary.byStatus()).containsEntry("failed", 4).containsEntry("partial", 1);

        String all = Files.readString(out.resolve(FleetScan.PINGS)) + Files.readString(out.resolve(FleetScan.BATCH_RESULTS));
        assertThat(all).doesNotContain(tmp.toString()).doesNotContain("crewai_python").doesNotContain("README");
        assertThat(Files.readString(out.resolve(FleetScan.REPO_MAP))).contains(tmp.resolve("repos/crewai_python").toString());
        assertThat(Json.read(out.resolve(FleetScan.BATCH_RESULTS)).get("repos")).hasSize(20);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("20/20 done").contains("repos/min")
                .contains("ETA");
    }

    @Test
    void the_sixteen_repo_batch_passes_every_check(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>(Fixtures.REPOS);
        names.addAll(List.of("crash", "clone_failure"));
        Path out = tmp.resolve("out");
        FleetFixtures.scan(out, 2, TIMEOUT, Optional.empty(), FleetFixtures.sink(new ByteArrayOutputStream()))
                .run(FleetFixtures.repos(tmp.resolve("repos"), names));

        var results = PingChecks.run(PingChecks.readPings(out.resolve(FleetScan.PINGS)),
                Json.read(out.resolve(FleetScan.BATCH_RESULTS)));

        assertThat(results).hasSize(18);
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.id() + " " + r.firstOffending()).isTrue());
        assertThat(results.get(12).checked()).as("S13 exercised by syntax_error").isEqualTo(1);
        assertThat(results.get(13).checked()).as("S14 over every analysed ping").isEqualTo(16);
    }

    @Test
    void a_restarted_batch_skips_repos_already_done_and_repairs_a_torn_line(@TempDir Path tmp) throws Exception {
        List<RepoTarget> repos = FleetFixtures.repos(tmp.resolve("repos"),
                List.of("crewai_python", "crewai_yaml", "langchain_agent", "mcp_config"));
        Path out = tmp.resolve("out");
        FleetFixtures.scan(out, 1, TIMEOUT, Optional.empty(), FleetFixtures.sink(new ByteArrayOutputStream()))
                .run(repos.subList(0, 2));
        Files.writeString(out.resolve(FleetScan.PINGS), "{\"scan_id\":\"torn", StandardOpenOption.APPEND);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        FleetSummary second = FleetFixtures.scan(out, 2, TIMEOUT, Optional.empty(), FleetFixtures.sink(progress))
                .run(repos);

        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.scanned()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve(FleetScan.PINGS))).hasSize(4);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("torn last line").contains("restart: 2");
        assertThat(byInput(out)).containsOnlyKeys("crewai_python", "crewai_yaml", "langchain_agent", "mcp_config");
        assertThat(Json.read(out.resolve(FleetScan.BATCH_RESULTS)).get("repos")).hasSize(4);
    }

    @Test
    void a_rescan_batch_links_each_ping_to_the_previous_one(@TempDir Path tmp) throws Exception {
        List<RepoTarget> repos = FleetFixtures.repos(tmp.resolve("repos"),
                List.of("crewai_python", "multi_crew_monorepo", "crash"));
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        FleetFixtures.scan(first, 2, TIMEOUT, Optional.empty(), FleetFixtures.sink(new ByteArrayOutputStream()))
                .run(repos);
        FleetFixtures.scan(second, 2, TIMEOUT, Optional.of(first.resolve(FleetScan.PINGS)),
                FleetFixtures.sink(new ByteArrayOutputStream()), 1000).run(repos);

        Map<String, JsonNode> before = byInput(first);
        Map<String, JsonNode> after = byInput(second);
        for (String name : List.of("crewai_python", "multi_crew_monorepo", "crash")) {
            JsonNode p = after.get(name);
            assertThat(p.get("is_rescan").asBoolean()).isTrue();
            assertThat(p.get("repo_hash").asString()).isEqualTo(before.get(name).get("repo_hash").asString());
            assertThat(p.get("pre_scan_id").asString()).isEqualTo(before.get(name).get("scan_id").asString());
        }
        assertThat(after.get("crewai_python").get("prev_score").asInt())
                .isEqualTo(before.get("crewai_python").get("risk_score").asInt());
        assertThat(after.get("crash").get("prev_score").isNull()).isTrue();

        List<PingRow> both = new ArrayList<>(PingChecks.readPings(first.resolve(FleetScan.PINGS)));
        both.addAll(PingChecks.readPings(second.resolve(FleetScan.PINGS)).stream()
                .map(r -> new PingRow(r.line() + 100, r.ping())).toList());
        var results = PingChecks.run(both, BatchResults.of(both, java.time.Instant.EPOCH));
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.id() + " " + r.firstOffending()).isTrue());
    }

    @Test
    void a_rescan_into_the_previous_batch_directory_is_refused(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        FleetScan scan = FleetFixtures.scan(out, 1, TIMEOUT, Optional.of(out.resolve(FleetScan.PINGS)),
                FleetFixtures.sink(new ByteArrayOutputStream()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scan.run(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new batch directory");
    }

    @Test
    void unreadable_repo_gets_a_failed_ping_without_calling_the_scanner(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path broken = Files.createDirectories(tmp.resolve("broken/.git"));
        Files.writeString(broken.resolve("HEAD"), "garbage");

        FleetFixtures.scan(out, 1, TIMEOUT, Optional.empty(), FleetFixtures.sink(new ByteArrayOutputStream()))
                .run(List.of(new RepoTarget(tmp.resolve("broken").toString(), false),
                        new RepoTarget(tmp.resolve("missing").toString(), false)));

        List<PingRow> rows = PingChecks.readPings(out.resolve(FleetScan.PINGS));
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.ping().get("failure_reason").asString())
                .isEqualTo("unreadable_repo"));
    }

    @Test
    void reads_a_repo_list_with_comments_and_urls(@TempDir Path tmp) throws IOException {
        Path list = Files.writeString(tmp.resolve("repos.txt"), "# fleet\n/srv/a\n\nhttps://github.com/o/r.git\n"
                + "git@github.com:o/s\n");

        assertThat(FleetScan.readRepoList(list)).containsExactly(new RepoTarget("/srv/a", false),
                new RepoTarget("https://github.com/o/r.git", true), new RepoTarget("git@github.com:o/s", true));
    }
}
