package dev.vulcan.sot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vulcan.sot.telemetry.TestPings.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a handful of hand-made pings into a real DuckDB file and checks every analysis view against values
 * computed by hand (in the comments).
 *
 * <p>Analyzed repos (latest non-failed ping per repo_hash): a = P1 (CrewAI; rules 001, CR05; openai; 2 agents,
 * 1 crew, 2 findings; hub 0.5), b = P2 (CrewAI + LangChain; rule 001; openai + anthropic; 24 agents, 12 crews,
 * 36 findings; hub 0.2), c = P3 (LangChain; rules 001, CR05, CR06; anthropic; 6 agents, 3 crews, 9 findings;
 * hub 0.1), d = P4 (empty). Not analyzed: P0 (an older ping of repo a) and P5 (repo e, failed).
 */
class PingStoreTest {

    private static final String R1 = "STRATUM-001";
    private static final String CR05 = "STRATUM-CR05";
    private static final String CR06 = "STRATUM-CR06";

    @TempDir
    Path dir;

    private Path pings;

    @BeforeEach
    void writePings() throws IOException {
        ObjectNode p0 = TestPings.ping(new Spec("00000000-0000-4000-8000-000000000000", "000000000000000a",
                "2026-11-01T00:00:00Z", List.of("LangChain"), List.of(CR05, CR06), List.of("google"), 3, 1, 4, 3,
                0.9, List.of(List.of(CR05, CR06))));
        ObjectNode p1 = TestPings.ping(new Spec("00000000-0000-4000-8000-000000000001", "000000000000000a",
                "2026-11-20T00:00:00Z", List.of("CrewAI"), List.of(R1, CR05), List.of("openai"), 2, 1, 2, 4, 0.5,
                List.of(List.of(R1, CR05))));
        p1.put("is_rescan", true);
        p1.put("pre_scan_id", "00000000-0000-4000-8000-000000000000");
        p1.put("prev_score", 20);
        ObjectNode p2 = TestPings.ping(new Spec("00000000-0000-4000-8000-000000000002", "000000000000000b",
                "2026-11-20T00:00:00Z", List.of("CrewAI", "LangChain"), List.of(R1), List.of("anthropic", "openai"),
                24, 12, 36, 10, 0.2, List.of()));
        ObjectNode p3 = TestPings.ping(new Spec("00000000-0000-4000-8000-000000000003", "000000000000000c",
                "2026-11-20T00:00:00Z", List.of("LangChain"), List.of(R1, CR05, CR06), List.of("anthropic"), 6, 3, 9,
                6, 0.1, List.of(List.of(R1, CR05), List.of(R1, CR06))));
        ObjectNode p4 = TestPings.ping(new Spec("00000000-0000-4000-8000-000000000004", "000000000000000d",
                "2026-11-20T00:00:00Z", List.of(), List.of(), List.of(), 0, 0, 0, 0, 0.0, List.of()));
        ObjectNode p5 = TestPings.failed("00000000-0000-4000-8000-000000000005", "000000000000000e",
                "2026-11-20T00:00:00Z");
        ObjectNode invalid = p3.deepCopy();
        invalid.put("scan_id", "00000000-0000-4000-8000-000000000009");
        invalid.put("progress_card_shown", true);
        List<String> lines = new ArrayList<>();
        for (ObjectNode p : List.of(p0, p1, p2, p3, p4, p5)) {
            lines.add(p.toString());
        }
        lines.add(p2.toString());       // duplicate scan_id
        lines.add("");                  // blank: ignored
        lines.add("{not json");         // line 9
        lines.add(invalid.toString());  // line 10: a removed field
        pings = dir.resolve("pings.jsonl");
        Files.write(pings, lines, StandardCharsets.UTF_8);
    }

    @Test
    void imports_valid_pings_and_reports_duplicates_and_rejected_lines() {
        try (PingStore store = PingStore.open(dir.resolve("tel.duckdb"))) {
            PingImportReport report = store.importPings(pings);
            assertThat(report.lines()).isEqualTo(9);
            assertThat(report.imported()).isEqualTo(6);
            assertThat(report.duplicates()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(2);
            assertThat(report.rejections()).extracting(PingRejection::line).containsExactly(9L, 10L);
            assertThat(report.rejections().get(1).problem()).contains("telemetry-ping/v3.json");

            assertThat(store.query("SELECT count(*) AS n FROM tel_pings").get(0).get("n")).isEqualTo(6L);
            Map<String, Object> p3 = store.query("SELECT * FROM tel_pings WHERE scan_id = ?",
                    "00000000-0000-4000-8000-000000000003").get(0);
            assertThat(p3).containsEntry("repo_hash", "000000000000000c").containsEntry("crew_count", 3L)
                    .containsEntry("finding_severities_high", 9L)
                    .containsEntry("normalized_features_findings_per_crew", 3.0)
                    .containsEntry("graph_topology_metrics_hub_score", 0.1)
                    .containsEntry("repo_metadata_primary_framework", "LangChain")
                    .containsEntry("per_crew_finding_density_mean", 3.0)
                    .containsEntry("crew_size_distribution", "[1,1,1]");
            Map<String, Object> failed = store.query("SELECT * FROM tel_pings WHERE scan_status = 'failed'").get(0);
            assertThat(failed).containsEntry("failure_reason", "timeout").containsEntry("agent_count", null);
            assertThat(store.query("SELECT count(*) AS n FROM tel_ping_rules").get(0).get("n")).isEqualTo(8L);
            assertThat(store.query("SELECT count(*) AS n FROM tel_ping_rule_pairs").get(0).get("n")).isEqualTo(4L);
            assertThat(store.query("SELECT capability, tool_count FROM tel_ping_capabilities WHERE scan_id = ?",
                    "00000000-0000-4000-8000-000000000002")).containsExactly(Map.of("capability", "outbound",
                    "tool_count", 1L));
        }
    }

    @Test
    void reimporting_the_same_file_lands_nothing_twice() {
        Path db = dir.resolve("tel.duckdb");
        try (PingStore store = PingStore.open(db)) {
            store.importPings(pings);
        }
        try (PingStore store = PingStore.open(db)) {
            PingImportReport again = store.importPings(pings);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(7);
            assertThat(store.query("SELECT count(*) AS n FROM tel_pings").get(0).get("n")).isEqualTo(6L);
        }
    }

    @Test
    void analyzed_repos_are_the_latest_non_failed_ping_of_each_repo() {
        try (PingStore store = imported()) {
            assertThat(store.view(PingView.ANALYZED_REPOS)).extracting(r -> r.get("scan_id")).containsExactly(
                    "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
                    "00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004");
        }
    }

    @Test
    void framework_rule_share_counts_each_framework_repo_once() {
        // CrewAI: a, b -> 001 in 2/2, CR05 in 1/2. LangChain: b, c -> 001 2/2, CR05 1/2, CR06 1/2.
        // The older ping of a (LangChain, CR06) does not count.
        try (PingStore store = imported()) {
            assertThat(store.view(PingView.FRAMEWORK_RULE_SHARE))
                    .extracting(r -> r.get("framework") + " " + r.get("rule_id") + " " + r.get("repos_with_rule") + "/"
                            + r.get("framework_repos") + "=" + r.get("share"))
                    .containsExactly("CrewAI STRATUM-001 2/2=1.0", "CrewAI STRATUM-CR05 1/2=0.5",
                            "LangChain STRATUM-001 2/2=1.0", "LangChain STRATUM-CR05 1/2=0.5",
                            "LangChain STRATUM-CR06 1/2=0.5");
        }
    }

    @Test
    void finding_density_by_crew_bucket() {
        // '0': d (0 findings); '1': a (2 findings, 2/crew, 1/agent); '2-10': c (9, 3/crew, 1.5/agent);
        // '>10': b (36, 3/crew, 1.5/agent).
        try (PingStore store = imported()) {
            assertThat(store.view(PingView.FINDING_DENSITY_BY_CREW_BUCKET))
                    .extracting(r -> r.get("crew_bucket") + " repos=" + r.get("repos") + " findings=" + r.get("findings")
                            + " per_crew=" + r.get("mean_findings_per_crew") + " per_agent="
                            + r.get("mean_findings_per_agent"))
                    .containsExactly("0 repos=1 findings=0 per_crew=0.0 per_agent=0.0",
                            "1 repos=1 findings=2 per_crew=2.0 per_agent=1.0",
                            "2-10 repos=1 findings=9 per_crew=3.0 per_agent=1.5",
                            ">10 repos=1 findings=36 per_crew=3.0 per_agent=1.5");
        }
    }

    @Test
    void findings_by_hub_pattern() {
        // hub_spoke (> 0.3): a, 2 findings. mesh_other: b + c, 45 findings, mean 22.5. no_graph: d.
        try (PingStore store = imported()) {
            assertThat(store.view(PingView.FINDINGS_BY_HUB_PATTERN))
                    .extracting(r -> r.get("hub_pattern") + " repos=" + r.get("repos") + " findings=" + r.get("findings")
                            + " mean=" + r.get("mean_finding_count"))
                    .containsExactly("hub_spoke repos=1 findings=2 mean=2.0",
                            "mesh_other repos=2 findings=45 mean=22.5",
                            "no_graph repos=1 findings=0 mean=0.0");
        }
    }

    @Test
    void provider_concentration_over_all_analyzed_repos() {
        // 4 analyzed repos. openai: a, b (sole in a). anthropic: b, c (sole in c). google only in the old ping.
        try (PingStore store = imported()) {
            assertThat(store.view(PingView.PROVIDER_CONCENTRATION))
                    .extracting(r -> r.get("provider") + " " + r.get("repos") + " sole=" + r.get("sole_provider_repos")
                            + " of " + r.get("analyzed_repos") + " share=" + r.get("share") + " sole_share="
                            + r.get("sole_provider_share"))
                    .containsExactly("anthropic 2 sole=1 of 4 share=0.5 sole_share=0.25",
                            "openai 2 sole=1 of 4 share=0.5 sole_share=0.25");
        }
    }

    @Test
    void rule_association_support_and_confidence() {
        // Pairs: a {001,CR05}; c {001,CR05}, {001,CR06}. Rule repos: 001 = 3 (a,b,c), CR05 = 2, CR06 = 1; N = 4.
        // 001->CR05: 2 repos, support 2/4, confidence 2/3, lift (2/3)/(2/4) = 4/3.
        // CR05->001: support 2/4, confidence 2/2, lift 1/(3/4) = 4/3.
        // 001->CR06: support 1/4, confidence 1/3, lift (1/3)/(1/4) = 4/3. CR06->001: 1/4, 1/1, 4/3.
        // The old ping's pair {CR05,CR06} does not count.
        try (PingStore store = imported()) {
            List<Map<String, Object>> rows = store.view(PingView.RULE_ASSOCIATION);
            assertThat(rows).extracting(r -> r.get("antecedent") + "->" + r.get("consequent") + " "
                    + r.get("pair_repos")).containsExactly("STRATUM-001->STRATUM-CR05 2", "STRATUM-001->STRATUM-CR06 1",
                    "STRATUM-CR05->STRATUM-001 2", "STRATUM-CR06->STRATUM-001 1");
            double[][] expected = {{0.5, 2.0 / 3}, {0.25, 1.0 / 3}, {0.5, 1.0}, {0.25, 1.0}};
            for (int i = 0; i < rows.size(); i++) {
                assertThat((Double) rows.get(i).get("support")).isCloseTo(expected[i][0], within(1e-12));
                assertThat((Double) rows.get(i).get("confidence")).isCloseTo(expected[i][1], within(1e-12));
                assertThat((Double) rows.get(i).get("lift")).isCloseTo(4.0 / 3, within(1e-12));
            }
        }
    }

    @Test
    void refuses_a_missing_pings_file() {
        try (PingStore store = PingStore.open(dir.resolve("tel.duckdb"))) {
            assertThatThrownBy(() -> store.importPings(dir.resolve("nope.jsonl")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.jsonl");
        }
    }

    @Test
    void view_names_round_trip() {
        for (PingView v : PingView.values()) {
            assertThat(PingView.fromViewName(v.viewName())).isEqualTo(v);
        }
        assertThatThrownBy(() -> PingView.fromViewName("tel_nope")).isInstanceOf(IllegalArgumentException.class);
    }

    private PingStore imported() {
        PingStore store = PingStore.open(dir.resolve("tel.duckdb"));
        store.importPings(pings);
        return store;
    }
}
