package dev.vulcan.core.envelope;

import dev.vulcan.core.json.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool output envelope ({@code output.json}): metadata, tool-specific data and errors. The envelope takes
 * ownership of the data node without copying it (tool outputs can be large): neither the caller that built it
 * nor one that reads {@link #data()} may change it.
 *
 * @param metadata the metadata block
 * @param data the tool-specific data
 * @param errors the errors met (empty for a complete result)
 */
public record Envelope(EnvelopeMetadata metadata, ObjectNode data, List<ToolError> errors) {

    /**
     * Creates an envelope.
     *
     * @throws NullPointerException if any component is null
     */
    public Envelope {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(data, "data");
        errors = List.copyOf(errors);
    }

    /**
     * Returns the JSON form.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.set("metadata", metadata.toJson());
        node.set("data", data);
        ArrayNode array = node.putArray("errors");
        errors.forEach(e -> array.add(e.toJson()));
        return node;
    }

    /**
     * Reads the JSON form of an envelope that has been validated against the envelope schema.
     *
     * @param node the envelope
     * @return the envelope
     * @throws IllegalArgumentException if the document is not an envelope
     */
    public static Envelope fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("envelope has no 'data' object");
        }
        JsonNode metadata = node.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new IllegalArgumentException("envelope has no 'metadata' object");
        }
        return new Envelope(EnvelopeMetadata.fromJson(metadata), (ObjectNode) data, Fields.errors(node.get("errors")));
    }
}
