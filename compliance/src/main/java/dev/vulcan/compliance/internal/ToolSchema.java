package dev.vulcan.compliance.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.VulcanSchemas;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A tool's output schema read from its module folder (not from a classpath), compiled in a registry of its
 * own so that two modules declaring the same id never share a cached schema. References to the shared Vulcan
 * schemas resolve on the validator's classpath; nothing is fetched from the network.
 */
public final class ToolSchema {

    private final Schema schema;
    private final Set<String> pathFields;

    private ToolSchema(Schema schema, Set<String> pathFields) {
        this.schema = schema;
        this.pathFields = Set.copyOf(pathFields);
    }

    /**
     * Returns the names of the properties the schema declares as repo-relative paths: those whose schema, or
     * whose array items' schema, is a {@code $ref} to the shared {@code repo_path} definition.
     *
     * @return the property names
     */
    public Set<String> pathFields() {
        return pathFields;
    }

    private static void collectPathFields(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    if (isRepoPath(property.getValue()) || isRepoPath(property.getValue().path("items"))) {
                        out.add(property.getKey());
                    }
                }
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectPathFields(child.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectPathFields(child, out));
        }
    }

    private static boolean isRepoPath(JsonNode schema) {
        return schema.path("$ref").asString("").endsWith("/$defs/repo_path");
    }

    /**
     * Compiles a tool schema document under its id.
     *
     * @param schemaId the id the document is known by (the tool's output schema id)
     * @param document the schema document
     * @return the compiled schema
     * @throws IllegalArgumentException if the schema cannot be compiled or one of its references cannot be
     *     resolved
     */
    public static ToolSchema compile(String schemaId, JsonNode document) {
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(document, "document");
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader
                        .fetchRemoteResources(false)
                        .schemaIdResolvers(ids -> ids.mapPrefix(VulcanSchemas.BASE,
                                "classpath:" + VulcanSchemas.CLASSPATH_BASE))));
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(schemaId), document);
            schema.initializeValidators();
            Set<String> pathFields = new TreeSet<>();
            collectPathFields(document, pathFields);
            return new ToolSchema(schema, pathFields);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot compile " + schemaId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates a document.
     *
     * @param document the document ({@code data} of an envelope)
     * @return the problems sorted by pointer, empty when valid
     */
    public List<SchemaProblem> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        List<Error> errors = schema.validate(document);
        return errors.stream()
                .map(e -> new SchemaProblem(e.getInstanceLocation() == null || "/".equals(e.getInstanceLocation().toString())
                        ? "" : e.getInstanceLocation().toString(), String.valueOf(e.getKeyword()), e.getMessage()))
                .sorted(Comparator.comparing(SchemaProblem::pointer).thenComparing(SchemaProblem::keyword))
                .toList();
    }
}
