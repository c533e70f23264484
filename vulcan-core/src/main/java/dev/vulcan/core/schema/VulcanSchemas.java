package dev.vulcan.core.schema;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ids of the shared Vulcan schemas and the naming rule for tool output schemas.
 *
 * <p>Every id under {@value #BASE} resolves to the classpath resource with the same path under
 * {@code dev/vulcan/schemas/}: {@code https://vulcan.dev/schemas/envelope/v1.json} is
 * {@code dev/vulcan/schemas/envelope/v1.json} in the {@code vulcan-schemas} jar.
 */
public final class VulcanSchemas {

    /** The base of every Vulcan schema id. */
    public static final String BASE = "https://vulcan.dev/schemas/";
    /** The classpath folder that {@link #BASE} maps to. */
    public static final String CLASSPATH_BASE = "dev/vulcan/schemas/";

    /** Shared value types ($defs only). */
    public static final String COMMON = BASE + "common/v1.json";
    /** The tool output envelope (output.json). */
    public static final String ENVELOPE = BASE + "envelope/v1.json";
    /** The execution metadata (metadata.json). */
    public static final String EXECUTION_METADATA = BASE + "execution-metadata/v1.json";
    /** A tool's --config file. */
    public static final String TOOL_CONFIG = BASE + "tool-config/v1.json";
    /** The shared ground-truth format of tool evaluations. */
    public static final String GROUND_TRUTH = BASE + "ground-truth/v1.json";
    /** The evaluation result envelope. */
    public static final String EVALUATION_RESULT = BASE + "evaluation-result/v1.json";
    /** A decision flag. */
    public static final String DECISION_FLAG = BASE + "decision-flag/v1.json";
    /** An epistemic claim. */
    public static final String EPISTEMIC_CLAIM = BASE + "epistemic-claim/v1.json";

    private static final Pattern TOOL_NAME = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    private VulcanSchemas() {
    }

    /**
     * Returns the id of a tool's output schema. A tool module packages its {@code schemas/output.schema.json}
     * at {@code dev/vulcan/schemas/tools/NAME/output.schema.json}, so this id resolves on its classpath.
     *
     * @param toolName the tool name, kebab-case
     * @return the schema id
     * @throws IllegalArgumentException if the name is not a valid tool name
     */
    public static String toolOutput(String toolName) {
        requireToolName(toolName);
        return BASE + "tools/" + toolName + "/output.schema.json";
    }

    /**
     * Returns the classpath resource a schema id resolves to.
     *
     * @param schemaId an id under {@link #BASE}
     * @return the classpath resource name
     * @throws IllegalArgumentException if the id is not under {@link #BASE}
     */
    public static String classpathResource(String schemaId) {
        Objects.requireNonNull(schemaId, "schemaId");
        if (!schemaId.startsWith(BASE)) {
            throw new IllegalArgumentException("not a Vulcan schema id: " + schemaId);
        }
        return CLASSPATH_BASE + schemaId.substring(BASE.length());
    }

    /**
     * Checks a tool name: lower-case kebab-case, starting with a letter, at most 64 characters.
     *
     * @param toolName the name
     * @return the name
     * @throws IllegalArgumentException if it is not a valid tool name
     */
    public static String requireToolName(String toolName) {
        Objects.requireNonNull(toolName, "toolName");
        if (toolName.length() > 64 || !TOOL_NAME.matcher(toolName).matches()) {
            throw new IllegalArgumentException("invalid tool name '" + toolName
                    + "': expected lower-case kebab-case such as 'layout-scanner'");
        }
        return toolName;
    }
}
