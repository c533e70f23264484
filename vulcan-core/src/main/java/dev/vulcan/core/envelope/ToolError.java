package dev.vulcan.core.envelope;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code errors[]}: a problem met during analysis.
 *
 * @param code an upper-snake-case code such as {@code FILE_UNREADABLE}
 * @param message what happened, for a person; never an absolute path or a secret
 * @param file the repo-relative file concerned, or null
 * @param recoverable true when the rest of the result is valid (a partial result)
 */
public record ToolError(String code, String message, String file, boolean recoverable) {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    /**
     * Creates an error.
     *
     * @throws IllegalArgumentException if the code is not upper-snake-case, the message is blank or the file
     *     is not a valid repo-relative path
     */
    public ToolError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("error code must be UPPER_SNAKE_CASE: " + code);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("error message is blank");
        }
        if (file != null) {
            RepoPaths.requireValid(file);
        }
    }

    /**
     * Creates a recoverable error about one file.
     *
     * @param code the code
     * @param message the message
     * @param file the repo-relative file
     * @return the error
     */
    public static ToolError recoverable(String code, String message, String file) {
        return new ToolError(code, message, file, true);
    }

    /**
     * Creates an error that stopped the analysis.
     *
     * @param code the code
     * @param message the message
     * @return the error
     */
    public static ToolError fatal(String code, String message) {
        return new ToolError(code, message, null, false);
    }

    /**
     * Returns the file, if any.
     *
     * @return the repo-relative file
     */
    public Optional<String> fileIfAny() {
        return Optional.ofNullable(file);
    }

    /**
     * Returns the JSON form.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("code", code);
        node.put("message", message);
        if (file != null) {
            node.put("file", file);
        }
        node.put("recoverable", recoverable);
        return node;
    }

    /**
     * Reads the JSON form (of a document already validated against its schema).
     *
     * @param node the node
     * @return the error
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static ToolError fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode file = node.get("file");
        return new ToolError(Fields.text(node, "code"), Fields.text(node, "message"),
                file == null || file.isNull() ? null : file.asString(), node.path("recoverable").asBoolean(false));
    }
}
