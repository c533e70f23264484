package dev.vulcan.tool.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * One small fixture per framework under {@code testdata/frameworks/NAME/}, scanned and compared with its golden
 * projection {@code testdata/frameworks/NAME.golden.json}. Run with {@code -DupdateGolden=true} to rewrite the
 * golden files after a reviewed change.
 */
class FrameworkDetectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"crewai", "langgraph", "langchain", "autogen", "openai_agents", "mcp"})
    void detects_the_framework_topology_as_in_the_golden_file(String framework, @TempDir Path tmp) throws IOException {
        Path repo = Fixtures.copy(Fixtures.TESTDATA.resolve("frameworks").resolve(framework), tmp.resolve("repo"));
        var result = Fixtures.scan(repo);
        assertThat(SchemaValidator.shared().validate(
                "https://vulcan.dev/schemas/tools/agent-scanner/output.schema.json", result.data())).isEmpty();
        JsonNode actual = Fixtures.project(result.data());
        Path golden = Fixtures.TESTDATA.resolve("frameworks").resolve(framework + ".golden.json");
        if (Boolean.getBoolean("updateGolden")) {
            Files.write(golden, Json.toBytes(actual));
        }
        assertThat(actual.toPrettyString()).isEqualTo(Json.read(golden).toPrettyString());
        assertThat(result.data().at("/frameworks/0/name").asString()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_local_agents_package_is_not_the_openai_agents_sdk(@TempDir Path tmp) {
        String app = "from agents import Agent\nhelper = Agent(name=\"x\")\n";
        var local = Fixtures.scan(Fixtures.write(tmp.resolve("local"), java.util.Map.of("app.py", app,
                "agents/base.py", "class Agent:\n    pass\n"))).data();
        assertThat(local.get("frameworks")).isEmpty();
        assertThat(local.at("/summary/agent_count").asInt()).isZero();
        var sdk = Fixtures.scan(Fixtures.write(tmp.resolve("sdk"), java.util.Map.of("app.py", app))).data();
        assertThat(sdk.at("/frameworks/0/name").asString()).isEqualTo("openai_agents");
        assertThat(GuardrailLinkingTest.strings(sdk.at("/index/agents"))).containsExactly("-/x");
    }
}
