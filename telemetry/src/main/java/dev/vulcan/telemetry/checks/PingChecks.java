package dev.vulcan.telemetry.checks;

import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.telemetry.ScanStatus;
import dev.vulcan.telemetry.TelemetryPing;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The validation plan of telemetry v7 (S1-S18) over a batch: the pings of a {@code pings.jsonl} file and the
 * batch's {@code batch-results.json}. Each check reports how many rows it applied to, how many failed and the
 * first offending rows. S16 and S17 re-state the v6.1 V- and M-checks we do not have as explicit checks of the
 * base fields and of the derived features (telemetry/README.md, "S16 and S17").
 */
public final class PingChecks {

    /** The maximum number of offending rows reported per check. */
    public static final int MAX_EXAMPLES = 5;

    private static final double TOLERANCE = 1e-9;

    private PingChecks() {
    }

    /**
     * Reads a {@code pings.jsonl} file: one JSON object per non-blank line.
     *
     * @param file the file
     * @return the rows in file order
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line when a line is not a JSON object
     */
    public static List<PingRow> readPings(Path file) throws IOException {
        List<PingRow> rows = new ArrayList<>();
        forEachPing(file, rows::add);
        return rows;
    }

    /**
     * Streams a {@code pings.jsonl} file, one row at a time (memory bounded by the longest line).
     *
     * @param file the file
     * @param action receives each row in file order
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line when a line is not a JSON object
     */
    public static void forEachPing(Path file, Consumer<PingRow> action) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.parse(line.getBytes(StandardCharsets.UTF_8), file + ":" + number);
                } catch (InvalidJsonException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(file + ":" + number + ": a ping must be a JSON object");
                }
                action.accept(new PingRow(number, node));
            }
        }
    }

    /**
     * Runs S1 to S18.
     *
     * @param pings the pings of the batch
     * @param batchResults the batch-results document ({@code {"repos": [...]}})
     * @return one result per check, in order S1..S18
     * @throws IllegalArgumentException if the batch results have no {@code repos} array
     */
    public static List<CheckResult> run(List<PingRow> pings, JsonNode batchResults) {
        Objects.requireNonNull(pings, "pings");
        Objects.requireNonNull(batchResults, "batchResults");
        JsonNode repos = batchResults.get("repos");
        if (repos == null || !repos.isArray()) {
            throw new IllegalArgumentException("batch results must hold a 'repos' array");
        }
        List<PingRow> analysed = pings.stream().filter(r -> !isFailed(r)).toList();
        List<PingRow> withAgents = analysed.stream().filter(r -> integer(r, "agent_count").orElse(0) > 0).toList();
        List<CheckResult> out = new ArrayList<>();
        out.add(s1(pings, repos));
        out.add(check("S2", "scan_status is one of success, partial, failed, empty", pings, r -> {
            JsonNode s = r.ping().get("scan_status");
            return s != null && s.isString() && isStatus(s.asString()) ? null : "scan_status " + s;
        }));
        out.add(check("S3", "files_scanned <= files_total", analysed, r -> {
            Optional<Integer> scanned = integer(r, "files_scanned");
            Optional<Integer> total = integer(r, "files_total");
            return scanned.isPresent() && total.isPresent() && scanned.get() <= total.get() ? null
                    : "files_scanned " + r.ping().get("files_scanned") + " > files_total " + r.ping().get("files_total");
        }));
        out.add(check("S4", "schema_id == 3", pings, r -> integer(r, "schema_id").orElse(-1) == TelemetryPing.SCHEMA_ID
                ? null : "schema_id " + r.ping().get("schema_id")));
        out.add(check("S5", "finding_count == sum(finding_severities)", analysed, r -> {
            JsonNode sev = r.ping().get("finding_severities");
            int sum = 0;
            if (sev != null && sev.isObject()) {
                for (JsonNode v : sev) {
                    sum += v.asInt();
                }
            }
            int count = integer(r, "finding_count").orElse(-1);
            return count == sum ? null : "finding_count " + count + " != sum " + sum;
        }));
        out.add(check("S6", "normalized_features.findings_per_agent == finding_count / agent_count", analysed, r -> {
            double expected = ratio(integer(r, "finding_count").orElse(0), integer(r, "agent_count").orElse(0));
            double actual = number(r.ping().path("normalized_features").get("findings_per_agent"));
            return Math.abs(expected - actual) <= TOLERANCE ? null
                    : "findings_per_agent " + actual + " != " + expected;
        }));
        out.add(check("S7", "no provider_confidence_breakdown or progress_card_shown", pings, r ->
                r.ping().has("provider_confidence_breakdown") || r.ping().has("progress_card_shown")
                        ? "carries a removed field" : null));
        out.add(check("S8", "graph_topology_metrics.diameter >= 1 for repos with agents", withAgents, r -> {
            int d = integer(r.ping().path("graph_topology_metrics").get("diameter")).orElse(-1);
            return d >= 1 ? null : "diameter " + d + " with " + integer(r, "agent_count").orElse(0) + " agents";
        }));
        out.add(check("S9", "graph_topology_metrics.connected_components >= 1 for repos with agents", withAgents, r -> {
            int c = integer(r.ping().path("graph_topology_metrics").get("connected_components")).orElse(-1);
            return c >= 1 ? null : "connected_components " + c;
        }));
        out.add(check("S10", "len(crew_size_distribution) == crew_count", analysed, r ->
                size(r, "crew_size_distribution") == integer(r, "crew_count").orElse(-1) ? null
                        : "length " + size(r, "crew_size_distribution") + " != crew_count " + r.ping().get("crew_count")));
        out.add(check("S11", "len(agent_tool_count_distribution) == agent_count", analysed, r ->
                size(r, "agent_tool_count_distribution") == integer(r, "agent_count").orElse(-1) ? null
                        : "length " + size(r, "agent_tool_count_distribution") + " != agent_count "
                                + r.ping().get("agent_count")));
        out.add(check("S12", "finding_co_occurrence pairs reference only rules in finding_rules", analysed, r -> {
            Set<String> rules = new HashSet<>();
            r.ping().path("finding_rules").forEach(x -> rules.add(x.asString()));
            for (JsonNode pair : r.ping().path("finding_co_occurrence")) {
                for (JsonNode rule : pair) {
                    if (!rules.contains(rule.asString())) {
                        return "pair " + pair + " names " + rule + " outside finding_rules";
                    }
                }
            }
            return null;
        }));
        out.add(check("S13", "a parser failure gives scan_status partial (pings with parser_errors > 0)",
                analysed.stream().filter(r -> integer(r, "parser_errors").orElse(0) > 0).toList(),
                r -> "partial".equals(status(r)) ? null : "parser_errors " + r.ping().get("parser_errors")
                        + " but scan_status " + status(r)));
        out.add(check("S14", "a complete scan without agents and findings is empty with finding_count 0; every"
                + " empty ping has 0 agents and 0 findings", analysed, r -> {
                    int agents = integer(r, "agent_count").orElse(-1);
                    int findings = integer(r, "finding_count").orElse(-1);
                    boolean nothing = agents == 0 && findings == 0 && integer(r, "parser_errors").orElse(0) == 0;
                    boolean empty = "empty".equals(status(r));
                    if (empty && (agents != 0 || findings != 0)) {
                        return "empty with agent_count " + agents + ", finding_count " + findings;
                    }
                    return nothing && !empty && !"partial".equals(status(r))
                            ? "no agent, no finding but scan_status " + status(r) : null;
                }));
        out.add(check("S15", "scan_duration_ms > 0", pings, r -> integer(r, "scan_duration_ms").orElse(0) > 0 ? null
                : "scan_duration_ms " + r.ping().get("scan_duration_ms")));
        out.add(check("S16", "v6.1 V-checks restated: every base field present and typed (ping schema v3) and the"
                + " base counts consistent", pings, PingChecks::baseFields));
        out.add(s17(pings));
        out.add(check("S18", "schema_version == \"0.3.0\" and schema_id == 3", pings, r ->
                TelemetryPing.SCHEMA_VERSION.equals(r.ping().path("schema_version").asString(""))
                        && integer(r, "schema_id").orElse(-1) == TelemetryPing.SCHEMA_ID ? null
                        : "schema_version " + r.ping().get("schema_version") + ", schema_id " + r.ping().get("schema_id")));
        return List.copyOf(out);
    }

    private static CheckResult s1(List<PingRow> pings, JsonNode repos) {
        Map<String, JsonNode> byScan = new HashMap<>();
        repos.forEach(e -> byScan.put(e.path("scan_id").asString(""), e));
        Set<String> pingScans = pings.stream().map(r -> r.ping().path("scan_id").asString("")).collect(Collectors.toSet());
        List<String> examples = new ArrayList<>();
        int failed = 0;
        for (PingRow r : pings) {
            JsonNode e = byScan.get(r.ping().path("scan_id").asString(""));
            String problem = e == null ? "no batch-results entry for this scan_id"
                    : !e.path("repo_hash").asString("").equals(r.ping().path("repo_hash").asString("-"))
                    ? "batch-results says repo_hash " + e.get("repo_hash")
                    : !e.path("scan_status").asString("").equals(status(r))
                    ? "batch-results says scan_status " + e.get("scan_status") : null;
            if (problem != null) {
                failed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(r.label() + ": " + problem);
                }
            }
        }
        for (JsonNode e : repos) {
            if (!pingScans.contains(e.path("scan_id").asString(""))) {
                failed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add("batch-results entry repo_hash " + e.get("repo_hash") + ": no ping with scan_id "
                            + e.get("scan_id"));
                }
            }
        }
        return new CheckResult("S1", "every ping's repo_hash matches batch-results (and every entry has its ping)",
                pings.size() + repos.size(), failed, examples);
    }

    private static String baseFields(PingRow r) {
        List<SchemaProblem> problems = TelemetryPing.validate(r.ping());
        if (!problems.isEmpty()) {
            return "schema: " + problems.stream().limit(3).map(SchemaProblem::toString).collect(Collectors.joining("; "));
        }
        if (isFailed(r)) {
            return null;
        }
        JsonNode p = r.ping();
        if (p.get("crews_clean").asInt() + p.get("crews_with_findings").asInt() != p.get("crew_count").asInt()) {
            return "crews_clean + crews_with_findings != crew_count";
        }
        if (p.get("guardrail_linked_count").asInt() > p.get("guardrail_count").asInt()) {
            return "guardrail_linked_count > guardrail_count";
        }
        if (p.get("finding_rule_count").asInt() != p.get("finding_rules").size()) {
            return "finding_rule_count != len(finding_rules)";
        }
        long n = p.get("graph_node_count").asLong();
        double density = ratio(p.get("graph_edge_count").asLong(), n * (n - 1));
        if (Math.abs(density - p.get("edge_density").asDouble()) > TOLERANCE) {
            return "edge_density " + p.get("edge_density") + " != edges / (n (n - 1)) = " + density;
        }
        if (p.get("finding_count").asInt() > 0 && p.get("finding_rules").isEmpty()) {
            return "findings without finding_rules";
        }
        return null;
    }

    private static CheckResult s17(List<PingRow> pings) {
        Map<String, PingRow> byScan = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (PingRow r : pings) {
            String id = r.ping().path("scan_id").asString("");
            if (byScan.putIfAbsent(id, r) != null) {
                duplicates.add(id);
            }
        }
        return check("S17", "v6.1 M-checks restated: derived features consistent with the counts and rescan"
                + " arithmetic consistent", pings, r -> {
                    JsonNode p = r.ping();
                    String id = p.path("scan_id").asString("");
                    if (duplicates.contains(id)) {
                        return "scan_id appears more than once";
                    }
                    String rescan = rescan(r, byScan);
                    if (rescan != null || isFailed(r)) {
                        return rescan;
                    }
                    return features(p);
                });
    }

    private static String rescan(PingRow r, Map<String, PingRow> byScan) {
        JsonNode p = r.ping();
        boolean isRescan = p.path("is_rescan").asBoolean(false);
        if (isRescan != p.has("pre_scan_id") || isRescan != p.has("prev_score")) {
            return "is_rescan " + isRescan + " but pre_scan_id/prev_score " + (p.has("pre_scan_id") ? "present" : "absent");
        }
        if (!isRescan) {
            return null;
        }
        String pre = p.get("pre_scan_id").asString("");
        if (pre.equals(p.path("scan_id").asString())) {
            return "pre_scan_id is the ping's own scan_id";
        }
        PingRow previous = byScan.get(pre);
        if (previous == null) {
            return null;
        }
        JsonNode q = previous.ping();
        if (!q.path("repo_hash").asString("").equals(p.path("repo_hash").asString())) {
            return "pre_scan_id " + pre + " belongs to another repo_hash";
        }
        JsonNode previousScore = q.get("risk_score");
        JsonNode prevScore = p.get("prev_score");
        boolean same = previousScore == null ? prevScore.isNull()
                : prevScore.canConvertToInt() && prevScore.asInt() == previousScore.asInt();
        if (!same) {
            return "prev_score " + prevScore + " != risk_score " + previousScore + " of " + previous.label();
        }
        if (q.path("timestamp").asString("").compareTo(p.path("timestamp").asString("")) > 0) {
            return "previous scan " + pre + " is later than the rescan";
        }
        return null;
    }

    private static String features(JsonNode p) {
        int agents = p.get("agent_count").asInt();
        int crews = p.get("crew_count").asInt();
        int findings = p.get("finding_count").asInt();
        JsonNode f = p.get("normalized_features");
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("findings_per_crew", ratio(findings, crews));
        expected.put("guardrails_per_agent", ratio(p.get("guardrail_count").asInt(), agents));
        expected.put("tools_per_agent", ratio(p.get("total_tool_count").asInt(), agents));
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            if (Math.abs(f.get(e.getKey()).asDouble() - e.getValue()) > TOLERANCE) {
                return e.getKey() + " " + f.get(e.getKey()) + " != " + e.getValue();
            }
        }
        int capabilities = 0;
        for (JsonNode c : p.get("capability_distribution")) {
            capabilities += c.asInt();
        }
        if (capabilities == 0 && f.get("external_exposure_ratio").asDouble() != 0.0) {
            return "external_exposure_ratio is not 0 without capabilities";
        }
        if (findings == 0 && f.get("guardrail_coverage_ratio").asDouble() != 0.0) {
            return "guardrail_coverage_ratio is not 0 without findings";
        }
        for (String list : List.of("crew_size_distribution", "agent_tool_count_distribution")) {
            int last = Integer.MAX_VALUE;
            for (JsonNode v : p.get(list)) {
                if (v.asInt() > last) {
                    return list + " is not sorted descending";
                }
                last = v.asInt();
            }
        }
        JsonNode g = p.get("graph_topology_metrics");
        int nodes = p.get("graph_node_count").asInt();
        if (Math.abs(g.get("hub_score").asDouble() - ratio(g.get("max_degree").asInt(), nodes)) > TOLERANCE) {
            return "hub_score != max_degree / graph_node_count";
        }
        if (g.get("connected_components").asInt() > nodes || g.get("max_degree").asInt() >= Math.max(nodes, 1)) {
            return "connected_components or max_degree exceeds what " + nodes + " nodes allow";
        }
        JsonNode d = p.get("per_crew_finding_density");
        double min = d.get("min").asDouble();
        double max = d.get("max").asDouble();
        for (String s : List.of("mean", "median")) {
            if (d.get(s).asDouble() < min - TOLERANCE || d.get(s).asDouble() > max + TOLERANCE) {
                return "per_crew_finding_density." + s + " outside [min, max]";
            }
        }
        if (d.get("mean").asDouble() * crews > findings + TOLERANCE) {
            return "per-crew findings exceed finding_count";
        }
        if ((p.get("crews_with_findings").asInt() == 0) != (max == 0)) {
            return "per_crew_finding_density.max disagrees with crews_with_findings";
        }
        if (p.get("finding_co_occurrence").size() > 0 && p.get("crews_with_findings").asInt() == 0) {
            return "co-occurring rules without a crew with findings";
        }
        return null;
    }

    private static CheckResult check(String id, String description, List<PingRow> rows,
            Function<PingRow, String> problem) {
        List<String> examples = new ArrayList<>();
        int failed = 0;
        for (PingRow r : rows) {
            String p;
            try {
                p = problem.apply(r);
            } catch (RuntimeException e) {
                p = "malformed ping: " + e;
            }
            if (p != null) {
                failed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(r.label() + ": " + p);
                }
            }
        }
        return new CheckResult(id, description, rows.size(), failed, examples);
    }

    private static boolean isFailed(PingRow r) {
        return ScanStatus.FAILED.code().equals(status(r));
    }

    private static String status(PingRow r) {
        return r.ping().path("scan_status").asString("");
    }

    private static boolean isStatus(String code) {
        return java.util.Arrays.stream(ScanStatus.values()).anyMatch(s -> s.code().equals(code));
    }

    private static Optional<Integer> integer(PingRow r, String field) {
        return integer(r.ping().get(field));
    }

    private static Optional<Integer> integer(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? Optional.of(v.asInt()) : Optional.empty();
    }

    private static double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static int size(PingRow r, String field) {
        JsonNode v = r.ping().get(field);
        return v != null && v.isArray() ? v.size() : -1;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
