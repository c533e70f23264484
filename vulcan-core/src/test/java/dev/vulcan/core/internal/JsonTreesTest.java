package dev.vulcan.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonTreesTest {

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
    }

    @Test
    void a_tree_is_the_same_document_as_its_serialized_parse() {
        ObjectNode tree = Json.object();
        tree.put("count", 5L).put("share", 0.125).put("name", "é\"x").putNull("none");
        tree.putArray("items").add(1).add(true).addObject().put("big", Long.MAX_VALUE);

        assertThat(JsonTrees.sameDocument(tree, Json.parse(Json.toBytes(tree), "test"))).isTrue();
    }

    @Test
    void integral_numbers_of_the_same_value_are_the_same_whatever_their_java_type() {
        assertThat(JsonTrees.sameDocument(Json.object().put("n", 5L), parse("{\"n\": 5}"))).isTrue();
    }

    @Test
    void an_integer_and_a_float_of_the_same_value_differ() {
        assertThat(JsonTrees.sameDocument(parse("{\"n\": 5}"), parse("{\"n\": 5.0}"))).isFalse();
    }

    @Test
    void a_nan_and_its_string_form_differ() {
        assertThat(JsonTrees.sameDocument(Json.object().put("n", Double.NaN), parse("{\"n\": \"NaN\"}"))).isFalse();
    }

    @Test
    void key_order_does_not_matter_but_array_order_does() {
        assertThat(JsonTrees.sameDocument(parse("{\"a\": 1, \"b\": 2}"), parse("{\"b\": 2, \"a\": 1}"))).isTrue();
        assertThat(JsonTrees.sameDocument(parse("[1, 2]"), parse("[2, 1]"))).isFalse();
        assertThat(JsonTrees.sameDocument(parse("{\"a\": [1]}"), parse("{\"a\": [1], \"b\": null}"))).isFalse();
    }
}
