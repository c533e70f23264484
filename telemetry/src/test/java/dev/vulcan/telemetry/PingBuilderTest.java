package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PingBuilderTest {

    private static final String HASH = "22e1d1b5ef859fb4";

    private static ObjectNode ping(String repo) {
        PingBuilder b = Fixtures.builder();
        return b.fromArtifacts(new PingContext(HASH, b.now(), Optional.empty()), Fixtures.outputRoot(repo));
    }

    @Test
    void hierarchical_crew_ping_matches_hand_computed_values() {
        ObjectNode p = ping("crewai_hierarchical");

        assertThat(p.get("scan_status").asString()).isEqualTo("success");
        assertThat(p.get("schema_id").asInt()).isEqualTo(3);
        assertThat(p.get("schema_version").asString()).isEqualTo("0.3.0");
        assertThat(p.get("repo_hash").asString()).isEqualTo(HASH);
        assertThat(p.get("is_rescan").asBoolean()).isFalse();
        assertThat(p.has("pre_scan_id")).isFalse();
        assertThat(p.get("scan_duration_ms").asLong()).isEqualTo(5);
        assertThat(p.get("agent_count").asInt()).isEqualTo(3);
        assertThat(p.get("crew_count").asInt()).isEqualTo(1);
        assertThat(p.get("finding_count").asInt()).isEqualTo(1);
        assertThat(p.get("finding_rule_count").asInt()).isEqualTo(1);
        assertThat(p.get("risk_score").asInt()).isEqualTo(25);
        assertThat(p.get("total_tool_count").asInt()).isEqualTo(2);
        assertThat(p.get("graph_node_count").asInt()).isEqualTo(7);
        assertThat(p.get("graph_edge_count").asInt()).isEqualTo(7);
        assertThat(p.get("edge_density").asDouble()).isCloseTo(7.0 / 42, within(1e-12));
        assertThat(p.get("llm_providers").toString()).isEqualTo("[\"anthropic\"]");
        assertThat(p.get("frameworks").toString()).isEqualTo("[\"CrewAI\"]");
        assertThat(p.get("capability_distribution").toString()).isEqualTo("{\"data_access\":1,\"destructive\":1}");
        assertThat(p.get("crews_clean").asInt()).isZero();
        assertThat(p.get("crews_with_findings").asInt()).isEqualTo(1);
        assertThat(p.get("crew_size_distribution").toString()).isEqualTo("[3]");
        assertThat(p.get("agent_tool_count_distribution").toString()).isEqualTo("[1,1,0]");
        assertThat(p.get("finding_co_occurrence").isEmpty()).isTrue();

        // 6-cycle manager-archivist-DirectoryReadTool-filesystem-FileWriterTool-janitor-manager, guardrail on janitor
        JsonNode g = p.get("graph_topology_metrics");
        assertThat(g.get("diameter").asInt()).isEqualTo(4);
        assertThat(g.get("avg_degree").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(g.get("max_degree").asInt()).isEqualTo(3);
        assertThat(g.get("clustering_coefficient").asDouble()).isZero();
        assertThat(g.get("connected_components").asInt()).isEqualTo(1);
        assertThat(g.get("longest_chain").asInt()).isEqualTo(1);
        assertThat(g.get("hub_score").asDouble()).isCloseTo(3.0 / 7, within(1e-12));

        JsonNode f = p.get("normalized_features");
        assertThat(f.get("findings_per_agent").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f.get("findings_per_crew").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("guardrails_per_agent").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f.get("tools_per_agent").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f.get("external_exposure_ratio").asDouble()).isZero();
        assertThat(f.get("guardrail_coverage_ratio").asDouble()).isCloseTo(1.0, within(1e-12));

        JsonNode m = p.get("repo_metadata");
        assertThat(m.get("python_file_count").asInt()).isEqualTo(1);
        assertThat(m.get("total_loc").asInt()).isEqualTo(30);
        assertThat(m.get("primary_framework").asString()).isEqualTo("CrewAI");
        assertThat(m.get("framework_count").asInt()).isEqualTo(1);
        assertThat(p.get("per_crew_finding_density").toString())
                .isEqualTo("{\"max\":1,\"min\":1,\"mean\":1.0,\"median\":1.0,\"stddev\":0.0}");
    }

    @Test
    void co_occurrence_lists_every_pair_of_rules_of_one_crew() {
        ObjectNode p = ping("crewai_python");

        assertThat(p.get("finding_co_occurrence").toString()).isEqualTo(
                "[[\"STRATUM-001\",\"STRATUM-CR05\"],[\"STRATUM-001\",\"STRATUM-CR06\"],[\"STRATUM-CR05\",\"STRATUM-CR06\"]]");
    }

    @Test
    void two_crews_with_one_finding_each_have_no_co_occurrence_and_uniform_density() {
        ObjectNode p = ping("multi_crew_monorepo");

        assertThat(p.get("finding_co_occurrence").isEmpty()).isTrue();
        assertThat(p.get("crew_size_distribution").toString()).isEqualTo("[2,2]");
        assertThat(p.get("agent_tool_count_distribution").toString()).isEqualTo("[2,1,1,0]");
        assertThat(p.get("per_crew_finding_density").get("stddev").asDouble()).isZero();
        assertThat(p.get("normalized_features").get("external_exposure_ratio").asDouble()).isEqualTo(1.0);
        assertThat(p.get("normalized_features").get("guardrail_coverage_ratio").asDouble()).isEqualTo(0.5);
        assertThat(p.get("graph_topology_metrics").get("connected_components").asInt()).isEqualTo(2);
    }

    @Test
    void delegation_chain_of_handoffs_is_counted() {
        assertThat(ping("openai_agents_handoffs").get("graph_topology_metrics").get("longest_chain").asInt())
                .isEqualTo(1);
    }

    @Test
    void archetype_class_is_copied_from_the_agent_scanner_summary() {
        assertThat(ping("crewai_hierarchical").get("archetype_class").asString()).isEqualTo("hierarchical");
        assertThat(ping("crewai_python").get("archetype_class").asString()).isEqualTo("sequential_pipeline");
        assertThat(ping("openai_agents_handoffs").get("archetype_class").asString()).isEqualTo("hub_spoke");
        assertThat(ping("autogen_groupchat").get("archetype_class").asString()).isEqualTo("mesh");
        assertThat(ping("multi_crew_monorepo").get("archetype_class").asString()).isEqualTo("multi_crew");
        assertThat(ping("langchain_agent").get("archetype_class").asString()).isEqualTo("single_agent");
        assertThat(ping("empty_repo").get("archetype_class").asString()).isEqualTo("none");
    }

    @Test
    void every_golden_repo_ping_carries_its_artifacts_archetype_class() {
        for (String repo : Fixtures.REPOS) {
            JsonNode summary = Json.read(Fixtures.outputRoot(repo).resolve("agent-scanner/output.json"))
                    .get("data").get("summary");
            assertThat(ping(repo).get("archetype_class")).as(repo).isEqualTo(summary.get("archetype_class"));
        }
    }

    @Test
    void artifact_without_archetype_class_gives_a_ping_without_it() {
        ObjectNode data = (ObjectNode) Json.read(Fixtures.outputRoot("crewai_python")
                .resolve("agent-scanner/output.json")).get("data");
        ((ObjectNode) data.get("summary")).remove("archetype_class");
        PingBuilder b = Fixtures.builder();

        ObjectNode p = b.fromAgentScan(new PingContext(HASH, b.now(), Optional.empty()), data, false);

        assertThat(p.has("archetype_class")).isFalse();
        assertThat(TelemetryPing.validate(p)).isEmpty();
    }

    @Test
    void archetype_class_that_is_not_a_string_is_rejected() {
        ObjectNode data = (ObjectNode) Json.read(Fixtures.outputRoot("crewai_python")
                .resolve("agent-scanner/output.json")).get("data");
        ((ObjectNode) data.get("summary")).put("archetype_class", 3);
        PingBuilder b = Fixtures.builder();

        assertThatThrownBy(() -> b.fromAgentScan(new PingContext(HASH, b.now(), Optional.empty()), data, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archetype_class");
    }

    @Test
    void typed_parallel_edges_can_make_the_edge_density_exceed_one() {
        ObjectNode data = (ObjectNode) Json.read(Fixtures.outputRoot("crewai_python")
                .resolve("agent-scanner/output.json")).get("data");
        ObjectNode graph = (ObjectNode) data.get("graph");
        graph.put("node_count", 2);
        graph.put("edge_count", 3);
        PingBuilder b = Fixtures.builder();

        ObjectNode p = b.fromAgentScan(new PingContext(HASH, b.now(), Optional.empty()), data, false);

        assertThat(p.get("edge_density").asDouble()).isEqualTo(1.5);
    }

    @Test
    void parser_failure_gives_a_partial_ping() {
        ObjectNode p = ping("syntax_error");

        assertThat(p.get("scan_status").asString()).isEqualTo("partial");
        assertThat(p.get("parser_errors").asInt()).isEqualTo(1);
        assertThat(p.get("files_scanned").asInt()).isLessThanOrEqualTo(p.get("files_total").asInt());
    }

    @Test
    void repo_without_agents_or_findings_gives_an_empty_ping_with_zero_findings() {
        for (String repo : List.of("plain_library", "empty_repo")) {
            ObjectNode p = ping(repo);
            assertThat(p.get("scan_status").asString()).as(repo).isEqualTo("empty");
            assertThat(p.get("finding_count").asInt()).isZero();
            assertThat(p.get("agent_tool_count_distribution").isEmpty()).isTrue();
            assertThat(p.get("normalized_features").get("findings_per_agent").asDouble()).isZero();
        }
    }

    @Test
    void mcp_repo_without_agents_but_with_findings_is_a_success_not_empty() {
        ObjectNode p = ping("mcp_config");

        assertThat(p.get("scan_status").asString()).isEqualTo("success");
        assertThat(p.get("agent_count").asInt()).isZero();
        assertThat(p.get("finding_count").asInt()).isEqualTo(2);
        assertThat(p.get("crews_with_findings").asInt()).isZero();
    }

    @Test
    void every_golden_repo_gives_a_valid_ping_without_paths_or_names() throws IOException {
        for (String repo : Fixtures.REPOS) {
            ObjectNode p = ping(repo);
            assertThat(TelemetryPing.validate(p)).as(repo).isEmpty();
            String text = p.toString();
            JsonNode data = Json.read(Fixtures.outputRoot(repo).resolve("agent-scanner/output.json")).get("data");
            for (JsonNode file : data.get("files")) {
                assertThat(text).as(repo).doesNotContain(file.get("path").asString());
            }
            for (JsonNode agent : data.get("agents")) {
                assertThat(text).as(repo).doesNotContain("\"" + agent.get("name").asString() + "\"")
                        .doesNotContain(agent.get("id").asString());
            }
            for (JsonNode tool : data.get("tools")) {
                assertThat(text).as(repo).doesNotContain(tool.get("id").asString());
            }
            assertThat(text).doesNotContain("provider_confidence_breakdown").doesNotContain("progress_card_shown");
        }
    }

    @Test
    void rescan_carries_the_previous_scan_id_and_score() {
        PingBuilder b = Fixtures.builder();
        UUID previous = UUID.fromString("4cde4df6-0000-4000-8000-000000000001");
        ObjectNode p = b.fromArtifacts(new PingContext(HASH, b.now(),
                Optional.of(new PreviousScan(previous, Optional.of(40)))), Fixtures.outputRoot("crewai_python"));

        assertThat(p.get("is_rescan").asBoolean()).isTrue();
        assertThat(p.get("pre_scan_id").asString()).isEqualTo(previous.toString());
        assertThat(p.get("prev_score").asInt()).isEqualTo(40);
    }

    @Test
    void rescan_after_a_failed_scan_has_a_null_previous_score() {
        PingBuilder b = Fixtures.builder();
        ObjectNode p = b.failed(new PingContext(HASH, b.now(), Optional.of(new PreviousScan(UUID.randomUUID(),
                Optional.empty()))), FailureReason.TIMEOUT);

        assertThat(p.get("prev_score").isNull()).isTrue();
        assertThat(TelemetryPing.validate(p)).isEmpty();
    }

    @Test
    void failed_ping_carries_metadata_and_the_reason_only() {
        PingBuilder b = Fixtures.builder();
        ObjectNode p = b.failed(new PingContext(HASH, b.now(), Optional.empty()), FailureReason.CLONE_FAILED);

        assertThat(p.get("scan_status").asString()).isEqualTo("failed");
        assertThat(p.get("failure_reason").asString()).isEqualTo("clone_failed");
        assertThat(p.propertyNames()).containsExactlyInAnyOrder("scan_id", "timestamp", "schema_version",
                "schema_id", "repo_hash", "scan_status", "is_rescan", "failure_reason", "scan_duration_ms");
    }

    @Test
    void missing_artifact_gives_a_failed_invalid_artifact_ping(@TempDir Path dir) {
        PingBuilder b = Fixtures.builder();
        ObjectNode p = b.fromArtifacts(new PingContext(HASH, b.now(), Optional.empty()), dir);

        assertThat(p.get("failure_reason").asString()).isEqualTo("invalid_artifact");
    }

    @Test
    void tampered_artifact_gives_a_failed_invalid_artifact_ping(@TempDir Path dir) throws IOException {
        Fixtures.copyArtifacts("crewai_python", dir);
        Path output = dir.resolve("agent-scanner/output.json");
        Files.writeString(output, Files.readString(output, StandardCharsets.UTF_8).replace("\"risk_score\" : ",
                "\"risk_score\" :"), StandardCharsets.UTF_8);
        PingBuilder b = Fixtures.builder();

        ObjectNode p = b.fromArtifacts(new PingContext(HASH, b.now(), Optional.empty()), dir);

        assertThat(p.get("failure_reason").asString()).isEqualTo("invalid_artifact");
    }
}
