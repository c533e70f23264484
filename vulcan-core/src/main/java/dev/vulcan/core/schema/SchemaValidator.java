package dev.vulcan.core.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON documents against JSON Schema draft 2020-12, with format assertions on
 * ({@code uuid}, {@code date-time}...). Schemas under {@link VulcanSchemas#BASE} are loaded from the
 * classpath; nothing is ever fetched from the network. Thread-safe; compiled schemas are cached.
 */
public final class SchemaValidator {

    private static final SchemaValidator SHARED = new SchemaValidator();

    private final SchemaRegistry registry;
    private final ConcurrentMap<String, Schema> compiled = new ConcurrentHashMap<>();

    private SchemaValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader
                        .fetchRemoteResources(false)
                        .schemaIdResolvers(ids -> ids.mapPrefix(VulcanSchemas.BASE,
                                "classpath:" + VulcanSchemas.CLASSPATH_BASE))));
    }

    /**
     * Returns the shared validator.
     *
     * @return the validator
     */
    public static SchemaValidator shared() {
        return SHARED;
    }

    /**
     * Validates a document against a schema known by id (a Vulcan schema on the classpath).
     *
     * @param schemaId the schema id, such as {@link VulcanSchemas#ENVELOPE}
     * @param document the document
     * @return the problems, empty when the document is valid, sorted by pointer
     * @throws IllegalArgumentException if the schema cannot be found or is itself invalid
     */
    public List<SchemaProblem> validate(String schemaId, JsonNode document) {
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(document, "document");
        return problems(schema(schemaId).validate(document));
    }

    /**
     * Validates a document and throws when it is invalid.
     *
     * @param schemaId the schema id
     * @param document the document
     * @param source what is validated, for the message (usually a file path)
     * @throws SchemaValidationException listing every problem when the document is invalid
     * @throws IllegalArgumentException if the schema cannot be found or is itself invalid
     */
    public void requireValid(String schemaId, JsonNode document, String source) {
        List<SchemaProblem> problems = validate(schemaId, document);
        if (!problems.isEmpty()) {
            throw new SchemaValidationException(source, schemaId, problems);
        }
    }

    /**
     * Tells whether a schema id resolves to a schema on the classpath.
     *
     * @param schemaId the id
     * @return true when the schema can be loaded and compiled
     */
    public boolean isKnown(String schemaId) {
        try {
            schema(schemaId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Returns the raw JSON of a schema known by id.
     *
     * @param schemaId the id
     * @return the schema document
     * @throws IllegalArgumentException if the schema cannot be found or is itself invalid
     */
    public JsonNode schemaNode(String schemaId) {
        return schema(schemaId).getSchemaNode();
    }

    /**
     * Validates a schema document against the draft 2020-12 meta-schema.
     *
     * @param schemaDocument a schema
     * @return the problems, empty when it is a valid schema
     */
    public List<SchemaProblem> validateSchema(JsonNode schemaDocument) {
        Objects.requireNonNull(schemaDocument, "schemaDocument");
        return validate("https://json-schema.org/draft/2020-12/schema", schemaDocument);
    }

    private Schema schema(String schemaId) {
        return compiled.computeIfAbsent(schemaId, id -> {
            try {
                Schema schema = registry.getSchema(SchemaLocation.of(id));
                schema.initializeValidators();
                return schema;
            } catch (SchemaException | IllegalStateException e) {
                throw new IllegalArgumentException("cannot load schema " + id + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot load schema " + id + ": " + e, e);
            }
        });
    }

    private static List<SchemaProblem> problems(List<Error> errors) {
        return errors.stream()
                .map(e -> new SchemaProblem(pointer(e), String.valueOf(e.getKeyword()), e.getMessage()))
                .sorted(Comparator.comparing(SchemaProblem::pointer).thenComparing(SchemaProblem::keyword))
                .toList();
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return "/".equals(location) ? "" : location;
    }
}
