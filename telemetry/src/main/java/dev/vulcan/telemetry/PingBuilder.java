package dev.vulcan.telemetry;

import dev.vulcan.core.artifact.ArtifactException;
import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds telemetry v7 pings (schema {@link TelemetryPing#SCHEMA}) from a repo's agent-scanner artifact, never
 * from DuckDB or another tool's classes. Every ping it returns has been validated against the ping schema.
 *
 * <p>Only counts, ratios, rule ids, framework, provider and capability names reach a ping: no repo name, URL,
 * path, file name, agent or tool name, author or secret (the agent-scanner records paths and names; they are
 * read here, never copied).
 *
 * <p>Status: {@code partial} when a candidate file failed to parse ({@code parser_errors > 0}) or the tool
 * reported a partial execution (whatever was found: an unparsed file may hold the agents); else {@code empty}
 * when the complete scan found no agent and no finding; else {@code success}. Failures ({@link #failed}) carry metadata and a {@link FailureReason} only.
 */
public final class PingBuilder {

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Supplier<UUID> scanIds;

    /**
     * Creates a builder.
     *
     * @param clock the wall clock of {@code timestamp}
     * @param nanoTime the monotonic clock of {@code scan_duration_ms}, in nanoseconds
     * @param scanIds the source of {@code scan_id}s
     */
    public PingBuilder(Clock clock, LongSupplier nanoTime, Supplier<UUID> scanIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.scanIds = Objects.requireNonNull(scanIds, "scanIds");
    }

    /**
     * Returns a builder on the system clocks with random (v4) scan ids.
     *
     * @return the builder
     */
    public static PingBuilder system() {
        return new PingBuilder(Clock.systemUTC(), System::nanoTime, UUID::randomUUID);
    }

    /**
     * Returns the current value of the builder's monotonic clock, to record as a scan's start.
     *
     * @return nanoseconds
     */
    public long now() {
        return nanoTime.getAsLong();
    }

    /**
     * Builds a ping from the agent-scanner artifact under a run's output root
     * ({@code outputRoot/agent-scanner/}), read with {@link ArtifactIo#read} (digest, envelope and tool schema
     * checked; the agent-scanner output schema must be on the class path). An artifact that is missing or
     * invalid gives a failed ping ({@code invalid_artifact}), a failed execution a failed ping
     * ({@code tool_failed}).
     *
     * @param context the repo hash, start and previous scan
     * @param outputRoot the output root holding {@code agent-scanner/}
     * @return the validated ping
     * @throws IllegalArgumentException if the agent-scanner schema is not on the class path
     */
    public ObjectNode fromArtifacts(PingContext context, Path outputRoot) {
        return fromArtifacts(context, outputRoot, message -> { });
    }

    /**
     * As {@link #fromArtifacts(PingContext, Path)}, reporting why an artifact gave a failed ping to
     * {@code diagnostics} (operator logs only: the message may name files; it never reaches the ping).
     *
     * @param context the repo hash, start and previous scan
     * @param outputRoot the output root holding {@code agent-scanner/}
     * @param diagnostics receives one message per artifact problem
     * @return the validated ping
     * @throws IllegalArgumentException if the agent-scanner schema is not on the class path
     */
    public ObjectNode fromArtifacts(PingContext context, Path outputRoot, Consumer<String> diagnostics) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(diagnostics, "diagnostics");
        ToolArtifact artifact;
        try {
            artifact = ArtifactIo.read(ArtifactIo.toolDir(outputRoot, TelemetryPing.AGENT_SCANNER),
                    TelemetryPing.AGENT_SCANNER_SCHEMA);
        } catch (ArtifactException e) {
            diagnostics.accept("invalid agent-scanner artifact: " + e.getMessage());
            return failed(context, FailureReason.INVALID_ARTIFACT);
        }
        if (artifact.metadata().status() == ExecutionStatus.FAILED || artifact.envelope() == null) {
            diagnostics.accept("agent-scanner execution failed: " + artifact.metadata().errors());
            return failed(context, FailureReason.TOOL_FAILED);
        }
        Envelope envelope = artifact.envelope();
        return fromAgentScan(context, envelope.data(), artifact.metadata().status() == ExecutionStatus.PARTIAL);
    }

    /**
     * Builds a ping from the {@code data} object of an agent-scanner output (already validated against its
     * schema by the tool or the caller).
     *
     * @param context the repo hash, start and previous scan
     * @param data the agent-scanner data object
     * @param toolPartial whether the tool reported a partial execution
     * @return the validated ping
     * @throws IllegalArgumentException if the data lacks a field of the agent-scanner schema
     */
    public ObjectNode fromAgentScan(PingContext context, JsonNode data, boolean toolPartial) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(data, "data");
        JsonNode summary = field(data, "summary");
        JsonNode counts = field(data, "counts");
        JsonNode graph = field(data, "graph");
        int agentCount = integer(summary, "agent_count");
        int crewCount = integer(summary, "crew_count");
        int findingCount = integer(summary, "finding_count");
        int parserErrors = integer(counts, "parser_errors");

        ScanStatus status = parserErrors > 0 || toolPartial ? ScanStatus.PARTIAL
                : agentCount == 0 && findingCount == 0 ? ScanStatus.EMPTY : ScanStatus.SUCCESS;
        ObjectNode ping = header(context, status);

        ping.put("agent_count", agentCount);
        ping.put("crew_count", crewCount);
        Set<String> frameworks = new TreeSet<>();
        field(data, "frameworks").forEach(f -> frameworks.add(text(f, "display_name")));
        strings(ping.putArray("frameworks"), frameworks);
        ping.put("finding_count", findingCount);
        Set<String> rules = new TreeSet<>();
        field(summary, "finding_rules").forEach(r -> rules.add(r.asString()));
        strings(ping.putArray("finding_rules"), rules);
        ping.put("finding_rule_count", rules.size());
        ObjectNode severities = ping.putObject("finding_severities");
        for (String s : List.of("critical", "high", "medium", "low", "info")) {
            severities.put(s, integer(field(summary, "finding_severities"), s));
        }
        ping.put("risk_score", integer(data, "risk_score"));

        List<String> nodes = new ArrayList<>();
        field(graph, "nodes").forEach(n -> nodes.add(text(n, "id")));
        List<GraphTopologyMetrics.Link> edges = links(field(graph, "edges"));
        int nodeCount = integer(graph, "node_count");
        int edgeCount = integer(graph, "edge_count");
        ping.put("graph_node_count", nodeCount);
        ping.put("graph_edge_count", edgeCount);
        ping.put("edge_density", NormalizedFeatures.ratio(edgeCount, (long) nodeCount * (nodeCount - 1)));
        ping.put("topology_signature_hash", text(graph, "topology_signature_hash"));
        if (summary.has("archetype_class")) {
            ping.put("archetype_class", text(summary, "archetype_class"));
        }

        Set<String> providers = new TreeSet<>();
        field(data, "llm_providers").forEach(p -> providers.add(text(p, "name")));
        strings(ping.putArray("llm_providers"), providers);
        ping.put("provider_confidence", text(data, "provider_confidence"));
        Map<String, Integer> capabilities = new TreeMap<>();
        for (JsonNode tool : field(data, "tools")) {
            field(tool, "capabilities").forEach(c -> capabilities.merge(text(c, "capability"), 1, Integer::sum));
        }
        ObjectNode capabilityDistribution = ping.putObject("capability_distribution");
        capabilities.forEach(capabilityDistribution::put);
        int guardrailCount = integer(summary, "guardrail_count");
        ping.put("guardrail_count", guardrailCount);
        ping.put("guardrail_linked_count", integer(summary, "guardrail_linked_count"));

        Map<String, Set<String>> rulesByCrew = new LinkedHashMap<>();
        Map<String, Integer> findingsByCrew = new LinkedHashMap<>();
        List<Integer> crewSizes = new ArrayList<>();
        for (JsonNode crew : field(data, "crews")) {
            String id = text(crew, "id");
            rulesByCrew.put(id, new TreeSet<>());
            findingsByCrew.put(id, 0);
            crewSizes.add(new LinkedHashSet<>(stringList(field(crew, "agents"))).size());
        }
        for (JsonNode finding : field(data, "findings")) {
            JsonNode crew = finding.get("crew_id");
            if (crew != null && crew.isString() && rulesByCrew.containsKey(crew.asString())) {
                rulesByCrew.get(crew.asString()).add(text(finding, "rule_id"));
                findingsByCrew.merge(crew.asString(), 1, Integer::sum);
            }
        }
        int crewsWithFindings = (int) findingsByCrew.values().stream().filter(c -> c > 0).count();
        ping.put("crews_clean", findingsByCrew.size() - crewsWithFindings);
        ping.put("crews_with_findings", crewsWithFindings);

        ping.put("files_scanned", integer(counts, "files_scanned"));
        ping.put("files_total", integer(counts, "files_total"));
        ping.put("parser_errors", parserErrors);

        Set<String> agentTools = new HashSet<>();
        List<Integer> toolsPerAgent = new ArrayList<>();
        for (JsonNode agent : field(data, "agents")) {
            Set<String> tools = new LinkedHashSet<>(stringList(field(agent, "tools")));
            agentTools.addAll(tools);
            toolsPerAgent.add(tools.size());
        }
        ping.put("total_tool_count", agentTools.size());
        ping.set("normalized_features", NormalizedFeatures.of(findingCount, agentCount, crewCount, guardrailCount,
                agentTools.size(), integer(summary, "external_capability_count"), integer(summary, "capability_count"),
                integer(summary, "findings_with_guardrail_count")).toJson());
        ping.set("graph_topology_metrics", GraphTopologyMetrics.compute(nodes, edges,
                links(field(graph, "delegation_edges"))).toJson());
        descending(ping.putArray("crew_size_distribution"), crewSizes);
        descending(ping.putArray("agent_tool_count_distribution"), toolsPerAgent);

        ObjectNode metadata = ping.putObject("repo_metadata");
        metadata.put("python_file_count", integer(counts, "python_file_count"));
        metadata.put("yaml_config_count", integer(counts, "yaml_config_count"));
        metadata.put("total_loc", integer(counts, "total_loc"));
        JsonNode primary = field(data, "primary_framework");
        metadata.put("primary_framework", primary.isNull() ? null : primary.asString());
        metadata.put("framework_count", integer(summary, "framework_count"));

        ArrayNode pairs = ping.putArray("finding_co_occurrence");
        coOccurrence(rulesByCrew.values()).forEach(p -> pairs.addArray().add(p.get(0)).add(p.get(1)));
        ping.set("per_crew_finding_density", FindingDensity.of(List.copyOf(findingsByCrew.values())).toJson());
        return emit(context, ping);
    }

    /**
     * Builds the ping of a scan that could not complete: metadata and the failure reason only.
     *
     * @param context the repo hash, start and previous scan
     * @param reason why the scan failed
     * @return the validated ping
     */
    public ObjectNode failed(PingContext context, FailureReason reason) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(reason, "reason");
        ObjectNode ping = header(context, ScanStatus.FAILED);
        ping.put("failure_reason", reason.code());
        return emit(context, ping);
    }

    /**
     * Returns the co-occurring rule pairs of per-crew rule sets: each unordered pair of distinct rules that fire
     * in at least one common crew, once, as a sorted [a, b] with a &lt; b, the list sorted.
     *
     * @param rulesPerCrew the rule ids of each crew
     * @return the sorted pairs
     */
    public static List<List<String>> coOccurrence(Iterable<? extends Set<String>> rulesPerCrew) {
        Objects.requireNonNull(rulesPerCrew, "rulesPerCrew");
        Set<List<String>> pairs = new TreeSet<>(Comparator.<List<String>, String>comparing(p -> p.get(0))
                .thenComparing(p -> p.get(1)));
        for (Set<String> crew : rulesPerCrew) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(crew));
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.add(List.of(sorted.get(i), sorted.get(j)));
                }
            }
        }
        return List.copyOf(pairs);
    }

    private ObjectNode header(PingContext context, ScanStatus status) {
        ObjectNode ping = Json.object();
        ping.put("scan_id", scanIds.get().toString());
        ping.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        ping.put("schema_version", TelemetryPing.SCHEMA_VERSION);
        ping.put("schema_id", TelemetryPing.SCHEMA_ID);
        ping.put("repo_hash", context.repoHash());
        ping.put("scan_status", status.code());
        ping.put("is_rescan", context.previous().isPresent());
        context.previous().ifPresent(p -> {
            ping.put("pre_scan_id", p.scanId().toString());
            if (p.riskScore().isPresent()) {
                ping.put("prev_score", p.riskScore().get());
            } else {
                ping.putNull("prev_score");
            }
        });
        return ping;
    }

    /** Sets scan_duration_ms last (scan start to emission, rounded up, at least 1 ms) and validates. */
    private ObjectNode emit(PingContext context, ObjectNode ping) {
        long elapsed = nanoTime.getAsLong() - context.startedNanos();
        ping.put("scan_duration_ms", Math.max(1L, (elapsed + 999_999L) / 1_000_000L));
        TelemetryPing.requireValid(ping, "telemetry ping of repo_hash " + context.repoHash());
        return ping;
    }

    private static List<GraphTopologyMetrics.Link> links(JsonNode array) {
        List<GraphTopologyMetrics.Link> out = new ArrayList<>();
        array.forEach(e -> out.add(new GraphTopologyMetrics.Link(text(e, "source"), text(e, "target"))));
        return out;
    }

    private static void descending(ArrayNode array, List<Integer> values) {
        values.stream().sorted(Comparator.reverseOrder()).forEach(array::add);
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    private static List<String> stringList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException("agent-scanner data lacks '" + name + "'");
        }
        return value;
    }

    private static int integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("agent-scanner field '" + name + "' is not an integer");
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isString()) {
            throw new IllegalArgumentException("agent-scanner field '" + name + "' is not a string");
        }
        return value.asString();
    }
}
