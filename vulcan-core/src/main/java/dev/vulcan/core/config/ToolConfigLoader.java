package dev.vulcan.core.config;

import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads a tool's {@code --config} file (architecture proposal 2.7): parse, check the MAJOR version, validate
 * against the tool config schema, and warn (not fail) on unknown fields.
 */
public final class ToolConfigLoader {

    /** The config schema version this release reads. */
    public static final String SUPPORTED_VERSION = "1.0.0";

    private static final Set<String> TOP_LEVEL = Set.of("$schema", "schema_version", "tool_name", "parameters");
    private static final Set<String> PARAMETERS = Set.of("repo_path", "branch", "commit", "run_id", "repo_id",
            "output_path", "tool_specific");

    private ToolConfigLoader() {
    }

    /**
     * Loads and validates a config file. Relative {@code repo_path} and {@code output_path} are resolved
     * against the config file's directory.
     *
     * @param file the config file
     * @return the loaded config with its warnings
     * @throws ConfigVersionException if the MAJOR version differs from {@link #SUPPORTED_VERSION}
     * @throws InvalidConfigException if the file is unreadable, not JSON, or invalid against the schema
     */
    public static LoadedToolConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try {
            root = Json.read(file);
        } catch (InvalidJsonException e) {
            throw new InvalidConfigException("config " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw new InvalidConfigException("config " + file + ": expected a JSON object");
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isString()) {
            throw new InvalidConfigException("config " + file + ": missing required field 'schema_version' (expected "
                    + SUPPORTED_VERSION + ")");
        }
        checkMajor(file, version.asString());
        List<SchemaProblem> problems = SchemaValidator.shared().validate(VulcanSchemas.TOOL_CONFIG, root);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("config " + file + " is invalid: "
                    + problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("; ")));
        }
        List<String> warnings = new ArrayList<>();
        unknownFields(root, TOP_LEVEL, "", file, warnings);
        JsonNode params = root.get("parameters");
        unknownFields(params, PARAMETERS, "parameters.", file, warnings);

        Path base = file.toAbsolutePath().getParent();
        ToolParameters parameters = new ToolParameters(
                base.resolve(params.get("repo_path").asString()).normalize(),
                text(params, "branch"),
                text(params, "commit"),
                UUID.fromString(params.get("run_id").asString()),
                params.has("repo_id") ? UUID.fromString(params.get("repo_id").asString()) : null,
                base.resolve(params.get("output_path").asString()).normalize());
        JsonNode specific = params.get("tool_specific");
        ObjectNode toolSpecific = specific == null ? Json.object() : (ObjectNode) specific;
        return new LoadedToolConfig(version.asString(), root.get("tool_name").asString(), parameters, toolSpecific,
                warnings);
    }

    private static void checkMajor(Path file, String version) {
        String major = version.split("\\.", -1)[0];
        String supportedMajor = SUPPORTED_VERSION.split("\\.")[0];
        if (!major.matches("\\d+")) {
            throw new InvalidConfigException("config " + file + ": schema_version '" + version
                    + "' is not MAJOR.MINOR.PATCH (expected " + SUPPORTED_VERSION + ")");
        }
        if (!major.equals(supportedMajor)) {
            throw new ConfigVersionException("config " + file + ": schema_version " + version
                    + " is incompatible with the supported version " + SUPPORTED_VERSION
                    + " (MAJOR versions differ); migrate the config to " + supportedMajor + ".x.x");
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, Path file, List<String> warnings) {
        node.propertyNames().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> warnings.add("config " + file + ": unknown field '" + prefix + name + "' ignored"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
