package dev.vulcan.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SchemaFixturesTest {

    private static final List<String> SCHEMAS = List.of("envelope", "execution-metadata", "tool-config",
            "ground-truth", "evaluation-result", "decision-flag", "epistemic-claim");

    private static Path testdata() {
        try {
            return Path.of(SchemaFixturesTest.class.getResource("testdata").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> validFixtures() throws IOException {
        return fixtures("valid-");
    }

    static Stream<Path> invalidFixtures() throws IOException {
        return fixtures("invalid-");
    }

    private static Stream<Path> fixtures(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(testdata())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList().stream();
        }
    }

    private static String schemaIdOf(Path fixture) {
        return VulcanSchemas.BASE + fixture.getParent().getFileName() + "/v1.json";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void valid_fixtures_validate(Path fixture) {
        JsonNode document = Json.read(fixture);

        assertThat(SchemaValidator.shared().validate(schemaIdOf(fixture), document)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void invalid_fixtures_are_rejected(Path fixture) {
        JsonNode document = Json.read(fixture);

        assertThat(SchemaValidator.shared().validate(schemaIdOf(fixture), document)).isNotEmpty();
    }

    @Test
    void every_schema_has_a_valid_and_an_invalid_fixture() throws IOException {
        for (String schema : SCHEMAS) {
            try (Stream<Path> files = Files.list(testdata().resolve(schema))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names).as(schema).anyMatch(n -> n.startsWith("valid-"));
                assertThat(names).as(schema).anyMatch(n -> n.startsWith("invalid-"));
            }
        }
    }

    @Test
    void every_schema_declares_its_id_and_is_a_valid_2020_12_schema() {
        for (String schema : SCHEMAS) {
            String id = VulcanSchemas.BASE + schema + "/v1.json";
            JsonNode node = SchemaValidator.shared().schemaNode(id);
            assertThat(node.path("$id").asString()).isEqualTo(id);
            assertThat(node.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(SchemaValidator.shared().validateSchema(node)).as(schema).isEmpty();
        }
    }

    @Test
    void reports_json_pointer_and_keyword_of_a_violation() {
        JsonNode document = Json.read(testdata().resolve("envelope/invalid-head-commit.json"));

        assertThat(SchemaValidator.shared().validate(VulcanSchemas.ENVELOPE, document))
                .anySatisfy(p -> {
                    assertThat(p.pointer()).isEqualTo("/metadata/commit");
                    assertThat(p.keyword()).isEqualTo("pattern");
                });
    }

    @Test
    void asserts_formats_such_as_date_time() {
        JsonNode document = Json.read(testdata().resolve("envelope/invalid-timestamp-format.json"));

        assertThat(SchemaValidator.shared().validate(VulcanSchemas.ENVELOPE, document))
                .anySatisfy(p -> assertThat(p.keyword()).isEqualTo("format"));
    }

    @Test
    void unknown_schema_is_a_clear_error() {
        assertThat(SchemaValidator.shared().isKnown(VulcanSchemas.BASE + "nothing/v9.json")).isFalse();
    }
}
