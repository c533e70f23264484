package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.telemetry.checks.PingChecks;
import dev.vulcan.telemetry.fleet.BatchResults;
import dev.vulcan.telemetry.internal.PingLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TelemetryCliTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TelemetryCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static Path batch(Path dir, boolean breakOne) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.resource("testdata/pings/valid"))) {
            for (Path p : files.sorted().toList()) {
                ObjectNode ping = (ObjectNode) Json.read(p);
                if (breakOne && ping.get("scan_status").asString().equals("success")
                        && !ping.get("is_rescan").asBoolean()) {
                    ping.put("files_scanned", 1000);
                }
                lines.add(PingLog.line(ping));
            }
        }
        Path pings = Files.write(dir.resolve("pings.jsonl"), lines);
        Files.write(dir.resolve("batch-results.json"),
                Json.toBytes(BatchResults.of(PingChecks.readPings(pings), Instant.EPOCH)));
        return pings;
    }

    @Test
    void validate_prints_pass_per_check_and_exits_zero(@TempDir Path tmp) throws IOException {
        Path pings = batch(tmp, false);

        Run r = run("validate", pings.toString(), "--batch-results", tmp.resolve("batch-results.json").toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("S1   PASS").contains("S18  PASS").contains("ALL PASS");
    }

    @Test
    void validate_prints_the_offending_row_and_exits_one(@TempDir Path tmp) throws IOException {
        Path pings = batch(tmp, true);

        Run r = run("validate", pings.toString(), "--batch-results", tmp.resolve("batch-results.json").toString());

        assertThat(r.status()).isEqualTo(TelemetryCli.CHECK_FAILED);
        assertThat(r.out()).contains("S3   FAIL  checked 4, failed 1").contains("files_scanned 1000 > files_total");
    }

    @Test
    void validate_exits_two_on_a_missing_file(@TempDir Path tmp) {
        Run r = run("validate", tmp.resolve("none.jsonl").toString(), "--batch-results", "x.json");

        assertThat(r.status()).isEqualTo(TelemetryCli.INVALID_INPUT);
        assertThat(r.err()).contains("none.jsonl");
    }

    @Test
    void validate_requires_batch_results() {
        assertThat(run("validate", "pings.jsonl").status()).isEqualTo(TelemetryCli.INVALID_INPUT);
    }

    @Test
    void ping_prints_one_valid_ping_line_from_artifacts(@TempDir Path tmp) {
        Run r = run("ping", "--artifacts", Fixtures.outputRoot("crewai_guardrails").toString(), "--repo",
                "https://github.com/acme/content-crew.git", "--fleet-key", tmp.resolve("fleet.key").toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n").doesNotContain("acme");
        JsonNode ping = Json.parse(r.out().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8), "stdout");
        assertThat(TelemetryPing.validate(ping)).isEmpty();
        assertThat(ping.get("scan_status").asString()).isEqualTo("success");
    }
}
