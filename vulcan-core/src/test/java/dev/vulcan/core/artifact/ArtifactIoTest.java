package dev.vulcan.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.EnvelopeMetadata;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidationException;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ArtifactIoTest {

    private static final String SCHEMA = VulcanSchemas.toolOutput("echo");
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path out;

    private static Envelope envelope(String path) {
        ObjectNode data = Json.object();
        ObjectNode file = data.putArray("files").addObject();
        file.put("path", path);
        file.put("size_bytes", 3);
        EnvelopeMetadata metadata = new EnvelopeMetadata("echo", "1.0.0", UUID.randomUUID(), UUID.randomUUID(), "main",
                COMMIT, Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0, 1, "1.0.0");
        return new Envelope(metadata, data, List.of(ToolError.recoverable("SKIPPED", "too large", "big.bin")));
    }

    @Test
    void writes_output_and_metadata_that_read_back_identically() throws Exception {
        Envelope envelope = envelope("a.txt");

        ArtifactIo.writeOutput(out, envelope, SCHEMA, Instant.parse("2026-11-23T09:59:59Z"));
        ToolArtifact artifact = ArtifactIo.read(out.resolve("echo"), SCHEMA);

        assertThat(artifact.envelope()).isEqualTo(envelope);
        assertThat(artifact.metadata().errors()).isEqualTo(envelope.errors());
        assertThat(Files.list(out.resolve("echo")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("output.json", "metadata.json");
    }

    @Test
    void writes_nothing_when_data_breaks_the_tool_schema() {
        assertThatThrownBy(() -> ArtifactIo.writeOutput(out, envelope("../escape.txt"), SCHEMA, Instant.now()))
                .isInstanceOf(SchemaValidationException.class).hasMessageContaining("/files/0/path");
        assertThat(out.resolve("echo")).doesNotExist();
    }

    private static Envelope gauge(ObjectNode data) {
        EnvelopeMetadata metadata = new EnvelopeMetadata("gauge", "1.0.0", UUID.randomUUID(), UUID.randomUUID(),
                "main", COMMIT, Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0, 1, "1.0.0");
        return new Envelope(metadata, data, List.of());
    }

    @Test
    void writes_nothing_for_a_value_json_cannot_carry() {
        Envelope envelope = gauge(Json.object().put("value", Double.NaN));

        assertThatThrownBy(() -> ArtifactIo.writeOutput(out, envelope, VulcanSchemas.toolOutput("gauge"), Instant.now()))
                .isInstanceOfAny(SchemaValidationException.class, InvalidJsonException.class)
                .hasMessageContaining("output.json");
        assertThat(out.resolve("gauge")).doesNotExist();
    }

    @Test
    void the_verdict_is_about_the_written_bytes_when_they_read_back_differently_from_the_tree() throws Exception {
        // the float 0.1f is 0.10000000149... in memory, not the schema's only value 0.1, but is written as 0.1
        Envelope envelope = gauge(Json.object().put("value", 0.1f));

        ArtifactIo.writeOutput(out, envelope, VulcanSchemas.toolOutput("gauge"), Instant.now());

        assertThat(ArtifactIo.read(out.resolve("gauge"), VulcanSchemas.toolOutput("gauge")).envelope().data()
                .get("value").doubleValue()).isEqualTo(0.1);
    }

    @Test
    void writes_a_large_output_validated_once_and_readable_without_revalidation() throws Exception {
        ObjectNode data = Json.object();
        var files = data.putArray("files");
        for (int i = 0; i < 20_000; i++) {
            files.addObject().put("path", "src/f" + i + ".txt").put("size_bytes", (long) i);
        }
        EnvelopeMetadata metadata = new EnvelopeMetadata("echo", "1.0.0", UUID.randomUUID(), UUID.randomUUID(), "main",
                COMMIT, Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0, 20_000, "1.0.0");
        Envelope envelope = new Envelope(metadata, data, List.of());

        ArtifactIo.writeOutput(out, envelope, SCHEMA, Instant.now());

        assertThat(ArtifactIo.read(out.resolve("echo"), SCHEMA).envelope().data().get("files")).hasSize(20_000);
    }

    @Test
    void a_pending_read_checks_everything_but_the_data_which_it_validates_on_demand() throws Exception {
        String consumer = "classpath:dev/vulcan/core/artifact/testdata/echo-consumer.schema.json";
        Envelope envelope = envelope("a.txt");
        ArtifactIo.writeOutput(out, envelope, SCHEMA, Instant.now());

        PendingArtifact pending = ArtifactIo.readPending(out.resolve("echo"), consumer);

        assertThat(pending.artifact().envelope()).isEqualTo(envelope);
        assertThatThrownBy(pending::validateData).isInstanceOf(ArtifactException.class)
                .hasMessageContaining(out.resolve("echo/output.json").toString())
                .hasMessageContaining(consumer).hasMessageContaining("lines");
        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), consumer)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("lines");
        ArtifactIo.readPending(out.resolve("echo"), SCHEMA).validateData();
    }

    @Test
    void a_pending_read_still_rejects_what_is_not_the_data_at_once() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path output = out.resolve("echo/output.json");
        byte[] bytes = Files.readAllBytes(output);
        Files.write(output, java.util.Arrays.copyOf(bytes, bytes.length - 1));

        assertThatThrownBy(() -> ArtifactIo.readPending(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejects_a_truncated_output_naming_the_file() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path output = out.resolve("echo/output.json");
        byte[] bytes = Files.readAllBytes(output);
        Files.write(output, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(output.toString()).hasMessageContaining("truncated");
    }

    @Test
    void rejects_an_output_replaced_by_another_run() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path other = Files.createDirectories(out.resolve("other"));
        ArtifactIo.writeOutput(other, envelope("a.txt"), SCHEMA, Instant.now());
        Files.copy(other.resolve("echo/output.json"), out.resolve("echo/output.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("SHA-256");
    }

    @Test
    void rejects_non_utf8_and_missing_metadata() throws Exception {
        Path dir = Files.createDirectories(out.resolve("echo"));
        Files.write(dir.resolve("metadata.json"), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});

        assertThatThrownBy(() -> ArtifactIo.read(dir, SCHEMA)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not valid UTF-8");
        Files.delete(dir.resolve("metadata.json"));
        assertThatThrownBy(() -> ArtifactIo.read(dir, SCHEMA)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejects_a_metadata_whose_tool_name_differs_from_its_folder() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Files.move(out.resolve("echo"), out.resolve("loc"));

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("loc"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("does not match its directory");
    }

    @Test
    void validate_command_reports_valid_and_invalid_artifacts() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        StringWriter sink = new StringWriter();

        assertThat(ValidateArtifact.run(new String[] {"--tool-dir", out.resolve("echo").toString()},
                new PrintWriter(sink), new PrintWriter(sink))).isZero();
        Files.writeString(out.resolve("echo/output.json"), "{}", StandardCharsets.UTF_8);
        assertThat(ValidateArtifact.run(new String[] {"--tool-dir", out.resolve("echo").toString()},
                new PrintWriter(sink), new PrintWriter(sink))).isEqualTo(3);
        assertThat(sink.toString()).contains("invalid artifact");
    }
}
