package dev.vulcan.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.node.ObjectNode;

/** Artifacts of the test tool {@code echo} (one file listed), and the edits tests make to them on disk. */
final class EchoArtifacts {

    static final String SCHEMA = VulcanSchemas.toolOutput("echo");

    private EchoArtifacts() {
    }

    /** An envelope of echo listing one file. */
    static Envelope envelope(String path) {
        ObjectNode data = Json.object();
        ObjectNode file = data.putArray("files").addObject();
        file.put("path", path);
        file.put("size_bytes", 3);
        EnvelopeMetadata metadata = new EnvelopeMetadata("echo", "1.0.0", UUID.randomUUID(), UUID.randomUUID(), "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0, 1, "1.0.0");
        return new Envelope(metadata, data, List.of());
    }

    /** The lowercase hex SHA-256 of a file. */
    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Rewrites output.json with a text replacement and updates metadata.json's digest, as a tool could. */
    static void rewriteConsistently(Path dir, String from, String to) throws Exception {
        Path output = dir.resolve(ArtifactIo.OUTPUT_FILE);
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        byte[] bytes = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        Files.write(output, bytes);
        ObjectNode metadata = (ObjectNode) Json.read(dir.resolve(ArtifactIo.METADATA_FILE));
        ObjectNode digest = (ObjectNode) metadata.get("output");
        digest.put("sha256", sha256(output));
        digest.put("size_bytes", bytes.length);
        Files.write(dir.resolve(ArtifactIo.METADATA_FILE), Json.toBytes(metadata));
    }
}
