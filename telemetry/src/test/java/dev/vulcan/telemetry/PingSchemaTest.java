package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ping schema (telemetry-ping/v3.json) against hand-written valid and invalid fixtures. */
class PingSchemaTest {

    private static List<Path> fixtures(String kind) throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.resource("testdata/pings/" + kind))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void schema_is_a_valid_2020_12_schema_with_the_expected_id() {
        SchemaValidator v = SchemaValidator.shared();
        assertThat(v.validateSchema(v.schemaNode(TelemetryPing.SCHEMA))).isEmpty();
        assertThat(v.schemaNode(TelemetryPing.SCHEMA).get("$id").asString())
                .isEqualTo("https://vulcan.dev/schemas/telemetry-ping/v3.json");
    }

    @Test
    void valid_fixtures_validate() throws IOException {
        List<Path> valid = fixtures("valid");
        assertThat(valid).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : valid) {
            assertThat(TelemetryPing.validate(Json.read(p))).as(p.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void each_invalid_fixture_is_rejected() throws IOException {
        List<Path> invalid = fixtures("invalid");
        assertThat(invalid).hasSizeGreaterThanOrEqualTo(10);
        for (Path p : invalid) {
            assertThat(TelemetryPing.validate(Json.read(p))).as(p.getFileName().toString()).isNotEmpty();
        }
    }
}
