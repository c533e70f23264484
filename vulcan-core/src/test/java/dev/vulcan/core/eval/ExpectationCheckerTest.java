package dev.vulcan.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.eval.internal.ExpectationChecker;
import dev.vulcan.core.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpectationCheckerTest {

    private static final JsonNode DATA = Json.parse("""
            {"summary": {"total": 4, "langs": ["Java", "Go"], "name": "vulcan"},
             "files": [{"path": "a.txt", "size": 10, "meta": {"k": 1, "v": "x"}}],
             "directories": [{"path": "src", "file_count": 2}]}
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");

    private static Outcome check(String json) {
        return ExpectationChecker.check(Expectation.fromJson(Json.parse(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "expectation")), DATA).outcome();
    }

    @Test
    void equals_compares_numbers_by_value() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"/summary/total\",\"comparison\":\"equals\",\"expected\":4.0}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"/summary/total\",\"comparison\":\"equals\",\"expected\":\"4\"}"))
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void approx_and_bounds_are_inclusive() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"size\",\"comparison\":\"approx\",\"expected\":12,\"tolerance\":2}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"size\",\"comparison\":\"approx\",\"expected\":12.5,\"tolerance\":2}"))
                .isEqualTo(Outcome.FAIL);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"size\",\"comparison\":\"at_least\",\"expected\":10}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"size\",\"comparison\":\"at_most\",\"expected\":9}"))
                .isEqualTo(Outcome.FAIL);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"size\",\"comparison\":\"at_most\",\"expected\":\"x\"}"))
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void contains_works_on_strings_arrays_and_objects() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"/summary/name\",\"comparison\":\"contains\",\"expected\":\"ulc\"}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"/summary/langs\",\"comparison\":\"contains\",\"expected\":[\"Go\",\"Java\"]}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"/summary/langs\",\"comparison\":\"contains\",\"expected\":\"Rust\"}"))
                .isEqualTo(Outcome.FAIL);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"meta\",\"comparison\":\"contains\",\"expected\":{\"k\":1.0}}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"meta\",\"comparison\":\"contains\",\"expected\":{\"k\":2}}"))
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void absent_passes_for_a_missing_element_or_field_and_fails_for_a_present_one() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"b.txt\",\"metric\":\"path\",\"comparison\":\"absent\"}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"file\",\"path\":\"a.txt\",\"metric\":\"language\",\"comparison\":\"absent\"}"))
                .isEqualTo(Outcome.PASS);
        assertThat(check("{\"id\":\"a\",\"scope\":\"directory\",\"path\":\"src\",\"metric\":\"file_count\",\"comparison\":\"absent\"}"))
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void a_missing_value_fails_with_a_reason() {
        ExpectationChecker.Check check = ExpectationChecker.check(Expectation.fromJson(Json.parse(
                "{\"id\":\"a\",\"scope\":\"directory\",\"path\":\"lib\",\"metric\":\"file_count\",\"comparison\":\"equals\",\"expected\":1}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "e")), DATA);
        assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(check.detail()).contains("data.directories[]").contains("'lib'");
    }

    @Test
    void a_repo_metric_that_is_not_a_pointer_is_an_error() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"repo\",\"metric\":\"summary.total\",\"comparison\":\"equals\",\"expected\":4}"))
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void a_symbol_without_a_name_is_an_error() {
        assertThat(check("{\"id\":\"a\",\"scope\":\"symbol\",\"path\":\"a.txt\",\"metric\":\"kind\",\"comparison\":\"equals\",\"expected\":1}"))
                .isEqualTo(Outcome.ERROR);
    }
}
