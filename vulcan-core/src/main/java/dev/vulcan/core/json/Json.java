package dev.vulcan.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper configuration of Vulcan (Jackson 3) and strict helpers to read JSON documents.
 *
 * <p>Reading is strict: the bytes must be valid UTF-8, the document must be complete (a truncated file is
 * an error, not a shorter document) and trailing content after the root value is rejected.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Chars decoded per step when checking UTF-8. */
    private static final int UTF8_CHECK_BUFFER = 1 << 14;

    private Json() {
    }

    /**
     * Returns the shared, thread-safe mapper.
     *
     * @return the mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Creates an empty object node.
     *
     * @return a new mutable object node
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Creates an empty array node.
     *
     * @return a new mutable array node
     */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Reads a JSON document from a file, strictly.
     *
     * @param file the file to read
     * @return the root node
     * @throws InvalidJsonException if the file is missing, unreadable, not UTF-8, truncated or not JSON;
     *     the message names the file and the problem
     */
    public static JsonNode read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidJsonException(file + ": file does not exist", e);
        } catch (IOException e) {
            throw new InvalidJsonException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /**
     * Reads a JSON document from a stream, strictly.
     *
     * @param in the stream (not closed)
     * @param source a name for the source, used in error messages
     * @return the root node
     * @throws InvalidJsonException if the content is not valid UTF-8 JSON
     */
    public static JsonNode read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        try {
            return parse(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new InvalidJsonException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON bytes, strictly.
     *
     * @param bytes the document
     * @param source a name for the source, used in error messages
     * @return the root node
     * @throws InvalidJsonException if the content is empty, not valid UTF-8, truncated or not JSON
     */
    public static JsonNode parse(byte[] bytes, String source) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(source, "source");
        if (bytes.length == 0) {
            throw new InvalidJsonException(source + ": empty file, expected a JSON document");
        }
        if (!isStrictUtf8(bytes)) {
            throw new InvalidJsonException(source + ": not valid UTF-8");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException(source + ": no JSON value found");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidJsonException(source + ": invalid JSON (truncated or malformed): "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes the bytes as strict UTF-8 (no malformed sequences, overlong forms or encoded surrogates) through a
     * small reused buffer, so checking a large document does not allocate its decoded copy.
     */
    private static boolean isStrictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(UTF8_CHECK_BUFFER);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
        } while (result.isOverflow());
        do {
            out.clear();
            result = decoder.flush(out);
        } while (result.isOverflow());
        return !result.isError();
    }

    /**
     * Serializes a node as indented UTF-8 JSON with a trailing newline.
     *
     * @param node the node
     * @return the bytes
     */
    public static byte[] toBytes(JsonNode node) {
        Objects.requireNonNull(node, "node");
        byte[] body = MAPPER.writeValueAsBytes(node);
        byte[] out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, body.length);
        out[body.length] = '\n';
        return out;
    }
}
