package dev.vulcan.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolConfigLoaderTest {

    private static final String RUN = "6f1c2b9a-3d4e-4f50-8a61-7b8c9d0e1f2a";

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void loads_a_valid_config_and_resolves_relative_paths_against_its_folder() throws IOException {
        Path file = write("{\"schema_version\": \"1.3.0\", \"tool_name\": \"loc\", \"parameters\": {"
                + "\"repo_path\": \"repo\", \"run_id\": \"" + RUN + "\", \"output_path\": \"out\", \"branch\": \"dev\","
                + "\"tool_specific\": {\"threads\": 2}}}");

        LoadedToolConfig config = ToolConfigLoader.load(file);

        assertThat(config.toolName()).isEqualTo("loc");
        assertThat(config.parameters().repoPath()).isEqualTo(dir.resolve("repo").toAbsolutePath());
        assertThat(config.parameters().outputPath()).isEqualTo(dir.resolve("out").toAbsolutePath());
        assertThat(config.parameters().runId()).isEqualTo(UUID.fromString(RUN));
        assertThat(config.parameters().branch()).isEqualTo("dev");
        assertThat(config.parameters().commit()).isNull();
        assertThat(config.toolSpecific().path("threads").asInt()).isEqualTo(2);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void warns_on_unknown_fields_without_failing() throws IOException {
        Path file = write("{\"schema_version\": \"1.0.0\", \"tool_name\": \"loc\", \"colour\": \"red\", \"parameters\": {"
                + "\"repo_path\": \"/r\", \"run_id\": \"" + RUN + "\", \"output_path\": \"/o\", \"depth\": 3}}");

        LoadedToolConfig config = ToolConfigLoader.load(file);

        assertThat(config.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("unknown field 'colour'"))
                .anySatisfy(w -> assertThat(w).contains("unknown field 'parameters.depth'"));
    }

    @Test
    void rejects_a_wrong_major_version_naming_both_versions() throws IOException {
        Path file = write("{\"schema_version\": \"2.0.0\", \"tool_name\": \"loc\", \"parameters\": {"
                + "\"repo_path\": \"/r\", \"run_id\": \"" + RUN + "\", \"output_path\": \"/o\"}}");

        assertThatThrownBy(() -> ToolConfigLoader.load(file))
                .isInstanceOf(ConfigVersionException.class)
                .hasMessageContaining("2.0.0").hasMessageContaining(ToolConfigLoader.SUPPORTED_VERSION)
                .hasMessageContaining(file.toString());
    }

    @Test
    void rejects_malformed_json_naming_the_file() throws IOException {
        Path file = write("{\"schema_version\": \"1.0.0\", \"tool_name\": ");

        assertThatThrownBy(() -> ToolConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("invalid JSON");
    }

    @Test
    void rejects_missing_required_fields() throws IOException {
        Path file = write("{\"schema_version\": \"1.0.0\", \"tool_name\": \"loc\", \"parameters\": {\"repo_path\": \"/r\"}}");

        assertThatThrownBy(() -> ToolConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("run_id").hasMessageContaining("output_path");
    }

    @Test
    void rejects_a_config_without_schema_version() throws IOException {
        Path file = write("{\"tool_name\": \"loc\", \"parameters\": {}}");

        assertThatThrownBy(() -> ToolConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("schema_version");
    }

    @Test
    void rejects_a_missing_file() {
        assertThatThrownBy(() -> ToolConfigLoader.load(dir.resolve("nope.json")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void cli_overrides_config_which_overrides_defaults() {
        UUID run = UUID.randomUUID();
        ToolParameters config = new ToolParameters(Path.of("/c"), "main", null, run, null, Path.of("/o"));
        ToolParameters cli = new ToolParameters(null, "dev", "abc1234", null, null, null);

        ToolParameters merged = cli.overriding(config);

        assertThat(merged).isEqualTo(new ToolParameters(Path.of("/c"), "dev", "abc1234", run, null, Path.of("/o")));
    }
}
