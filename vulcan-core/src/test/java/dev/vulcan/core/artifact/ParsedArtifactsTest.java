package dev.vulcan.core.artifact;

import static dev.vulcan.core.artifact.EchoArtifacts.SCHEMA;
import static dev.vulcan.core.artifact.EchoArtifacts.envelope;
import static dev.vulcan.core.artifact.EchoArtifacts.rewriteConsistently;
import static dev.vulcan.core.artifact.EchoArtifacts.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ParsedArtifactsTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_C = "c".repeat(64);

    @TempDir
    Path out;

    private static JsonNode tree(String name) {
        return Json.object().put("name", name);
    }

    @Test
    void a_written_parse_goes_to_the_first_reader_of_the_same_bytes_only() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        byte[] bytes = Files.readAllBytes(out.resolve("echo/output.json"));
        String sha = sha256(out.resolve("echo/output.json"));

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
        rewriteConsistently(dir, "\"a.txt\"", "\"b.txt\"");

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
