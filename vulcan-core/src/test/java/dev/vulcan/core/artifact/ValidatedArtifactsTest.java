package dev.vulcan.core.artifact;

import static dev.vulcan.core.artifact.EchoArtifacts.SCHEMA;
import static dev.vulcan.core.artifact.EchoArtifacts.envelope;
import static dev.vulcan.core.artifact.EchoArtifacts.rewriteConsistently;
import static dev.vulcan.core.artifact.EchoArtifacts.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.VulcanSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ValidatedArtifactsTest {

    private static final String SMALL_FILES = "classpath:dev/vulcan/core/artifact/testdata/small-files.schema.json";

    @TempDir
    Path out;

    @Test
    void writing_records_the_verdicts_of_the_exact_bytes_written() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        String sha = sha256(out.resolve("echo/output.json"));

        assertThat(ValidatedArtifacts.shared().hasPassed(VulcanSchemas.ENVELOPE, "", sha)).isTrue();
        assertThat(ValidatedArtifacts.shared().hasPassed(SCHEMA, "/data", sha)).isTrue();
        assertThat(ArtifactIo.read(out.resolve("echo"), SCHEMA).envelope().data().get("files").get(0)
                .get("path").asString()).isEqualTo("a.txt");
    }

    @Test
    void a_changed_byte_is_validated_again_and_rejected() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        ArtifactIo.read(out.resolve("echo"), SCHEMA);

        rewriteConsistently(out.resolve("echo"), "\"a.txt\"", "\"/.txt\"");
        String changed = sha256(out.resolve("echo/output.json"));

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("does not validate against " + SCHEMA).hasMessageContaining("/files/0/path");
        assertThat(ValidatedArtifacts.shared().hasPassed(SCHEMA, "/data", changed)).isFalse();
    }

    @Test
    void a_failed_verdict_is_not_kept_so_invalid_bytes_are_rejected_on_every_read() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        rewriteConsistently(out.resolve("echo"), "\"size_bytes\" : 3", "\"size_bytes\" : -3");
        String sha = sha256(out.resolve("echo/output.json"));

        for (int read = 0; read < 2; read++) {
            assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                    .isInstanceOf(ArtifactException.class).hasMessageContaining("/files/0/size_bytes");
        }
        assertThat(ValidatedArtifacts.shared().hasPassed(SCHEMA, "/data", sha)).isFalse();
        assertThat(ValidatedArtifacts.shared().hasPassed(VulcanSchemas.ENVELOPE, "", sha)).isTrue();
    }

    @Test
    void a_verdict_for_one_schema_does_not_cover_another() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        ArtifactIo.read(out.resolve("echo"), SCHEMA);

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SMALL_FILES))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("does not validate against " + SMALL_FILES)
                .hasMessageContaining("/files/0/size_bytes");
    }

    @Test
    void a_known_verdict_still_leaves_the_digest_and_metadata_checks() throws Exception {
        ArtifactIo.writeOutput(out, envelope("a.txt"), SCHEMA, Instant.now());
        Path output = out.resolve("echo/output.json");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.writeString(output, text.replace("\"a.txt\"", "\"b.txt\""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("SHA-256");
        Files.writeString(output, text, StandardCharsets.UTF_8);
        ObjectNode metadata = (ObjectNode) Json.read(out.resolve("echo/metadata.json"));
        metadata.put("commit", "f".repeat(40));
        Files.write(out.resolve("echo/metadata.json"), Json.toBytes(metadata));
        assertThatThrownBy(() -> ArtifactIo.read(out.resolve("echo"), SCHEMA))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("disagree on commit");
    }

    @Test
    void keeps_at_most_its_capacity_dropping_the_least_recently_used() {
        ValidatedArtifacts verdicts = new ValidatedArtifacts(2);
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String c = "c".repeat(64);
        verdicts.recordPassed(SCHEMA, "", a);
        verdicts.recordPassed(SCHEMA, "", b);
        assertThat(verdicts.hasPassed(SCHEMA, "", a)).isTrue();
        verdicts.recordPassed(SCHEMA, "", c);

        assertThat(verdicts.size()).isEqualTo(2);
        assertThat(verdicts.hasPassed(SCHEMA, "", a)).isTrue();
        assertThat(verdicts.hasPassed(SCHEMA, "", b)).isFalse();
        assertThat(verdicts.hasPassed(SCHEMA, "", c)).isTrue();
        assertThat(verdicts.hasPassed(SCHEMA, "/data", c)).isFalse();
        verdicts.clear();
        assertThat(verdicts.size()).isZero();
    }

    @Test
    void rejects_a_digest_that_is_not_a_lowercase_sha256() {
        assertThatThrownBy(() -> ValidatedArtifacts.shared().hasPassed(SCHEMA, "", "ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new ValidatedArtifacts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
