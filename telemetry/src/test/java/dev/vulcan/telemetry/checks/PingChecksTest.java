package dev.vulcan.telemetry.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import dev.vulcan.telemetry.Fixtures;
import dev.vulcan.telemetry.fleet.BatchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class PingChecksTest {

    private List<ObjectNode> pings;

    @BeforeEach
    void load() throws IOException {
        pings = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.resource("testdata/pings/valid"))) {
            for (Path p : files.sorted().toList()) {
                pings.add((ObjectNode) Json.read(p));
            }
        }
    }

    private ObjectNode ping(String status) {
        return pings.stream().filter(p -> p.get("scan_status").asString().equals(status)
                && !p.get("is_rescan").asBoolean()).findFirst().orElseThrow();
    }

    private List<PingRow> rows() {
        List<PingRow> rows = new ArrayList<>();
        for (int i = 0; i < pings.size(); i++) {
            rows.add(new PingRow(i + 1, pings.get(i)));
        }
        return rows;
    }

    /** Applies a change after the batch results were derived, and returns the ids of the failing checks. */
    private List<String> failingAfter(Consumer<List<ObjectNode>> change) {
        try {
            load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ObjectNode batch = BatchResults.of(rows(), Instant.EPOCH);
        change.accept(pings);
        return PingChecks.run(rows(), batch).stream().filter(r -> !r.passed()).map(CheckResult::id).toList();
    }

    @Test
    void valid_pings_pass_every_check() {
        List<CheckResult> results = PingChecks.run(rows(), BatchResults.of(rows(), Instant.EPOCH));

        assertThat(results).extracting(CheckResult::id).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7",
                "S8", "S9", "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18");
        assertThat(results).allMatch(CheckResult::passed);
    }

    @Test
    void s1_fails_for_a_ping_missing_from_batch_results_and_names_the_row() {
        ObjectNode batch = BatchResults.of(rows().subList(1, pings.size()), Instant.EPOCH);
        CheckResult s1 = PingChecks.run(rows(), batch).get(0);

        assertThat(s1.passed()).isFalse();
        assertThat(s1.firstOffending()).singleElement().asString().startsWith("line 1 (repo_hash ")
                .contains("no batch-results entry");
    }

    @Test
    void s1_fails_when_batch_results_disagree_on_the_repo_hash() {
        assertThat(failingAfter(p -> ping("success").put("repo_hash", "ffffffffffffffff"))).contains("S1");
    }

    @Test
    void each_check_fails_on_the_defect_it_targets() {
        assertThat(failingAfter(p -> ping("success").put("scan_status", "done"))).contains("S2");
        assertThat(failingAfter(p -> ping("success").put("files_scanned", 99))).contains("S3");
        assertThat(failingAfter(p -> ping("failed").put("schema_id", 2))).contains("S4", "S18");
        assertThat(failingAfter(p -> ping("success").put("finding_count", 4))).contains("S5");
        assertThat(failingAfter(p -> ((ObjectNode) ping("success").get("normalized_features"))
                .put("findings_per_agent", 0.5))).contains("S6");
        assertThat(failingAfter(p -> ping("empty").put("progress_card_shown", false))).contains("S7");
        assertThat(failingAfter(p -> ((ObjectNode) ping("success").get("graph_topology_metrics"))
                .put("diameter", 0))).contains("S8");
        assertThat(failingAfter(p -> ((ObjectNode) ping("success").get("graph_topology_metrics"))
                .put("connected_components", 0))).contains("S9");
        assertThat(failingAfter(p -> ping("success").putArray("crew_size_distribution"))).contains("S10");
        assertThat(failingAfter(p -> ping("success").putArray("agent_tool_count_distribution").add(1)))
                .contains("S11");
        assertThat(failingAfter(p -> ping("success").putArray("finding_co_occurrence").addArray()
                .add("STRATUM-001").add("STRATUM-099"))).contains("S12");
        assertThat(failingAfter(p -> ping("partial").put("scan_status", "success"))).contains("S13");
        assertThat(failingAfter(p -> ping("empty").put("scan_status", "success"))).contains("S14");
        assertThat(failingAfter(p -> ping("empty").put("finding_count", 1))).contains("S14");
        assertThat(failingAfter(p -> ping("failed").put("scan_duration_ms", 0))).contains("S15");
        assertThat(failingAfter(p -> ping("success").put("crews_clean", 1))).contains("S16");
        assertThat(failingAfter(p -> ping("success").remove("risk_score"))).contains("S16");
        assertThat(failingAfter(p -> ping("success").put("schema_version", "0.2"))).contains("S18");
    }

    @Test
    void s17_checks_derived_features_and_rescan_arithmetic() {
        assertThat(failingAfter(p -> ping("success").putArray("agent_tool_count_distribution").add(0).add(1).add(1)))
                .contains("S17");
        assertThat(failingAfter(p -> ((ObjectNode) ping("success").get("normalized_features"))
                .put("tools_per_agent", 2.0))).contains("S17");
        assertThat(failingAfter(p -> ((ObjectNode) ping("success").get("graph_topology_metrics"))
                .put("hub_score", 0.9))).contains("S17");
        assertThat(failingAfter(p -> ping("success").put("is_rescan", true))).contains("S17");
        // a rescan whose previous ping is in the batch must carry that ping's risk_score
        assertThat(failingAfter(p -> {
            ObjectNode first = ping("success");
            ObjectNode failed = ping("failed");
            failed.put("repo_hash", first.get("repo_hash").asString());
            failed.put("is_rescan", true);
            failed.put("pre_scan_id", first.get("scan_id").asString());
            failed.put("prev_score", first.get("risk_score").asInt() + 1);
            failed.put("timestamp", "2026-11-24T00:00:00Z");
        })).contains("S17");
    }

    @Test
    void s17_accepts_a_consistent_rescan_within_the_batch() {
        ObjectNode first = ping("success");
        ObjectNode failed = ping("failed");
        failed.put("repo_hash", first.get("repo_hash").asString());
        failed.put("is_rescan", true);
        failed.put("pre_scan_id", first.get("scan_id").asString());
        failed.put("prev_score", first.get("risk_score").asInt());
        failed.put("timestamp", "2026-11-24T00:00:00Z");

        List<CheckResult> results = PingChecks.run(rows(), BatchResults.of(rows(), Instant.EPOCH));

        assertThat(results).allMatch(CheckResult::passed);
    }

    @Test
    void rejects_a_pings_file_with_a_non_object_line(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("pings.jsonl"), "{\"a\":1}\n[1]\n");
        assertThatThrownBy(() -> PingChecks.readPings(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":2");
    }
}
