package dev.vulcan.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.EnvelopeMetadata;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.VulcanSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ParsedArtifactsTest {

    private static final String SCHEMA = VulcanSchemas.toolOutput("echo");
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_C = "c".repeat(64);

    @TempDir
    Path out;

    private static Envelope envelope(String path) {
        ObjectNode data = Json.object();
        ObjectNode file = data.putArray("files").addObject();
        file.put("path", path);
        file.put("size_bytes", 3);
        EnvelopeMetadata metadata = new EnvelopeMetadata("echo", "1.0.0", UUID.randomUUID(), UUID.randomUUID(), "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0, 1, "1.0.0");
        return new Envelope(metadata, data, List.of());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode tree(String name) {
        return Json.object().put("name", name);
    }

    @Test
    void a_written_parse_goes_to_the_first_reader_of_the_same_bytes_only() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        byte[] bytes = Files.readAllBytes(out.resolve("echo/output.json"));
        String sha = sha256(bytes);

        Envelope first = ArtifactIo.read(out.resolve("echo"), SCHEMA).envelope();
        Envelope second = ArtifactIo.read(out.resolve("echo"), SCHEMA).envelope();

        assertThat(first.data()).isEqualTo(Json.parse(bytes, "written").get("data"));
        assertThat(second.data()).isEqualTo(first.data()).isNotSameAs(first.data());
        assertThat(ParsedArtifacts.shared().take(sha)).isNull();
    }

    @Test
    void a_reader_of_other_bytes_parses_what_it_read() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path dir = out.resolve("echo");
        Path output = dir.resolve(ArtifactIo.OUTPUT_FILE);
        byte[] changed = Files.readString(output, StandardCharsets.UTF_8).replace("\"a.txt\"", "\"b.txt\"")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(output, changed);
        ObjectNode metadata = (ObjectNode) Json.read(dir.resolve(ArtifactIo.METADATA_FILE));
        ((ObjectNode) metadata.get("output")).put("sha256", sha256(changed)).put("size_bytes", changed.length);
        Files.write(dir.resolve(ArtifactIo.METADATA_FILE), Json.toBytes(metadata));

        Envelope read = ArtifactIo.read(dir, SCHEMA).envelope();

        assertThat(read.data().get("files").get(0).get("path").asString()).isEqualTo("b.txt");
    }

    @Test
    void a_changed_file_with_the_old_digest_is_still_rejected() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path output = out.resolve("echo").resolve(ArtifactIo.OUTPUT_FILE);
        Files.writeString(output, Files.readString(output).replace("\"a.txt\"", "\"b.txt\""));

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("SHA-256 differs");
    }

    @Test
    void hands_each_parse_over_once() {
        ParsedArtifacts parses = new ParsedArtifacts(100);
        JsonNode a = tree("a");
        parses.offer(SHA_A, 10, a);

        assertThat(parses.take(SHA_B)).isNull();
        assertThat(parses.take(SHA_A)).isSameAs(a);
        assertThat(parses.take(SHA_A)).isNull();
        assertThat(parses.keptBytes()).isZero();
    }

    @Test
    void keeps_no_parse_beyond_its_bound_and_drops_the_oldest_to_stay_within_it() {
        ParsedArtifacts parses = new ParsedArtifacts(100);
        parses.offer(SHA_A, 101, tree("too large"));
        assertThat(parses.keptBytes()).isZero();

        parses.offer(SHA_A, 40, tree("a"));
        parses.offer(SHA_B, 40, tree("b"));
        parses.offer(SHA_C, 40, tree("c"));

        assertThat(parses.keptBytes()).isEqualTo(80);
        assertThat(parses.take(SHA_A)).isNull();
        assertThat(parses.take(SHA_B)).isEqualTo(tree("b"));
        assertThat(parses.take(SHA_C)).isEqualTo(tree("c"));
    }

    @Test
    void offering_the_same_bytes_again_keeps_one_parse() {
        ParsedArtifacts parses = new ParsedArtifacts(100);
        parses.offer(SHA_A, 60, tree("first"));
        parses.offer(SHA_A, 60, tree("second"));

        assertThat(parses.keptBytes()).isEqualTo(60);
        assertThat(parses.take(SHA_A)).isEqualTo(tree("second"));
    }

    @Test
    void rejects_a_bound_that_is_not_positive() {
        assertThatThrownBy(() -> new ParsedArtifacts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
