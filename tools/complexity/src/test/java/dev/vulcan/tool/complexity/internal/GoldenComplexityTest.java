package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Golden files: every function of testdata/SAMPLE has the hand-counted CCN, cognitive complexity, parameter
 * count and kind of testdata/SAMPLE.expected.json (the counts are explained in comments in the sources).
 */
class GoldenComplexityTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sample.java", "sample.py", "sample.js", "sample.ts", "sample.go", "sample.c"})
    void measures_match_hand_counted_golden_values(String sample) {
        FileAnalysis file = Samples.analyze(sample);
        JsonNode expected = Json.mapper().readTree(Samples.text(sample + ".expected.json"));

        assertThat(file.errorNodes()).as("clean parse").isZero();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            FunctionMetrics f = Samples.function(file, e.getKey());
            JsonNode want = e.getValue();
            String got = f.ccn() + "/" + f.cognitive() + "/" + f.params() + "/" + f.kind().code();
            String wanted = want.get("ccn").asInt() + "/" + want.get("cognitive").asInt() + "/"
                    + want.get("params").asInt() + "/" + want.get("kind").asString();
            if (!got.equals(wanted)) {
                mismatches.add(e.getKey() + ": got ccn/cognitive/params/kind " + got + ", want " + wanted);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(file.functions()).hasSize(expected.size());
    }
}
