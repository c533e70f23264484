package dev.vulcan.tool.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ProviderConfidenceTest {

    private static final String CREW = """
            from crewai import Agent
            a = Agent(role="r", goal="g", backstory="b")
            """;

    @Test
    void an_llm_class_or_model_string_is_detected(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("a.py", """
                from langchain_anthropic import ChatAnthropic
                llm = ChatAnthropic(model="claude-3-5-sonnet-latest")
                """, ".env", "OPENAI_API_KEY=x\n"))).data();
        assertThat(data.get("provider_confidence").asString()).isEqualTo("detected");
        assertThat(provider(data, "anthropic").get("confidence").asString()).isEqualTo("detected");
        assertThat(provider(data, "anthropic").get("models").get(0).asString()).isEqualTo("claude-3-5-sonnet-latest");
        assertThat(provider(data, "openai").get("confidence").asString()).isEqualTo("inferred_env_var");
    }

    @Test
    void init_chat_model_provider_prefixes_and_provider_codes_are_detected(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("a.py", """
                from langchain.chat_models import init_chat_model
                from langgraph.prebuilt import create_react_agent
                llm = init_chat_model("anthropic:claude-3-5-sonnet-latest", temperature=0)
                other = init_chat_model("gemini-2.0-flash", model_provider="google_genai")
                local = init_chat_model("llama3:8b", model_provider="ollama")
                bot = create_react_agent("openai:gpt-4o", tools=[], name="bot")
                """))).data();
        assertThat(data.get("provider_confidence").asString()).isEqualTo("detected");
        assertThat(provider(data, "anthropic").get("models").get(0).asString())
                .isEqualTo("anthropic:claude-3-5-sonnet-latest");
        assertThat(provider(data, "google").get("confidence").asString()).isEqualTo("detected");
        assertThat(provider(data, "ollama").get("models").get(0).asString()).isEqualTo("llama3:8b");
        assertThat(provider(data, "openai").get("confidence").asString()).isEqualTo("detected");
    }

    @Test
    void only_an_api_key_variable_gives_inferred_env_var(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("a.py", CREW, ".env.example",
                "ANTHROPIC_API_KEY=\nANTHROPIC_MODEL=claude\n"))).data();
        assertThat(data.get("provider_confidence").asString()).isEqualTo("inferred_env_var");
        assertThat(data.get("llm_providers")).hasSize(1);
        assertThat(provider(data, "anthropic").get("confidence").asString()).isEqualTo("inferred_env_var");
    }

    @Test
    void a_framework_default_gives_inferred_framework(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("a.py", CREW))).data();
        assertThat(data.get("provider_confidence").asString()).isEqualTo("inferred_framework");
        assertThat(provider(data, "openai").get("confidence").asString()).isEqualTo("inferred_framework");
    }

    @Test
    void no_evidence_is_unknown(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("lib.py", "def f():\n    return 1\n"))).data();
        assertThat(data.get("provider_confidence").asString()).isEqualTo("unknown");
        assertThat(data.get("llm_providers")).isEmpty();
    }

    @Test
    void confidence_ranks_are_ordered() {
        assertThat(ProviderConfidence.DETECTED.rank()).isGreaterThan(ProviderConfidence.INFERRED_ENV_VAR.rank());
        assertThat(ProviderConfidence.INFERRED_ENV_VAR.rank()).isGreaterThan(ProviderConfidence.INFERRED_FRAMEWORK.rank());
        assertThat(ProviderConfidence.INFERRED_FRAMEWORK.rank()).isGreaterThan(ProviderConfidence.UNKNOWN.rank());
        assertThat(ProviderConfidence.fromCode("inferred_env_var")).isEqualTo(ProviderConfidence.INFERRED_ENV_VAR);
    }

    private static JsonNode provider(JsonNode data, String name) {
        for (JsonNode p : data.get("llm_providers")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + name + " in " + data.get("llm_providers"));
    }
}
