package dev.vulcan.tool.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.envelope.ToolError;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ParserErrorTest {

    @Test
    void a_syntax_error_counts_as_a_parser_error_and_what_parsed_is_scanned(@TempDir Path tmp) {
        var result = Fixtures.scan(Fixtures.write(tmp, Map.of(
                "bad.py", """
                        from crewai import Agent, Crew, Task
                        a = Agent(role="A", goal="g", backstory="b")
                        def oops(:
                            pass
                        b = Agent(role="B", goal="g", backstory="b")
                        crew = Crew(agents=[a, b], tasks=[])
                        """,
                "good.py", "x = 1\n")));
        JsonNode data = result.data();
        assertThat(data.at("/counts/parser_errors").asInt()).isEqualTo(1);
        assertThat(data.at("/counts/files_scanned").asInt()).isEqualTo(1);
        assertThat(data.at("/counts/python_file_count").asInt()).isEqualTo(2);
        assertThat(GuardrailLinkingTest.strings(data.at("/index/agents"))).containsExactly("crew/a", "crew/b");
        assertThat(result.errors()).extracting(ToolError::code).containsExactly("PYTHON_SYNTAX_ERROR");
        assertThat(result.errors().get(0).file()).isEqualTo("bad.py");
        assertThat(result.errors().get(0).recoverable()).isTrue();
        assertThat(result.errors().get(0).message()).contains("line 3");
        JsonNode file = data.get("files").get(0);
        assertThat(file.get("path").asString()).isEqualTo("bad.py");
        assertThat(file.get("status").asString()).isEqualTo("parser_error");
    }

    @Test
    void invalid_agent_yaml_and_oversized_files_are_parser_errors_other_yaml_is_ignored(@TempDir Path tmp) {
        var result = Fixtures.scan(Fixtures.write(tmp, Map.of(
                "config/agents.yaml", "a:\n  role: [unclosed\n",
                ".github/workflows/ci.yml", "on: [push\n",
                "big.py", "x = 1\n".repeat(200_000))));
        assertThat(result.data().at("/counts/parser_errors").asInt()).isEqualTo(2);
        assertThat(result.errors()).extracting(ToolError::code)
                .containsExactlyInAnyOrder("YAML_INVALID", "FILE_TOO_LARGE");
        assertThat(result.data().get("files").findValuesAsString("path")).doesNotContain(".github/workflows/ci.yml");
    }

    @Test
    void mcp_configs_may_have_comments_and_trailing_commas(@TempDir Path tmp) {
        var result = Fixtures.scan(Fixtures.write(tmp, Map.of(".vscode/mcp.json", """
                {
                  // VS Code style
                  "servers": {
                    "time": {"command": "uvx", "args": ["mcp-server-time==0.6.2",],},
                  },
                }
                """)));
        assertThat(result.errors()).isEmpty();
        assertThat(result.data().at("/mcp_servers/0/name").asString()).isEqualTo("time");
        assertThat(result.data().at("/mcp_servers/0/pinned").asBoolean()).isTrue();
    }

    @Test
    void yaml_alias_bombs_are_bounded(@TempDir Path tmp) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        var result = Fixtures.scan(Fixtures.write(tmp, Map.of("bomb.yaml", yaml.toString())));
        assertThat(result.data().at("/counts/files_total").asInt()).isEqualTo(1);
        assertThat(result.data().at("/counts/yaml_config_count").asInt()).isZero();
    }

    @Test
    void a_cancelled_scan_stops_with_a_cancellation(@TempDir Path tmp) {
        Path repo = Fixtures.write(tmp, Map.of("a.py", "x = 1\n", "b.py", "y = 2\n"));
        var scanner = new dev.vulcan.tool.agents.internal.AgentScanner(repo, () -> {
            throw new java.util.concurrent.CancellationException("deadline passed");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(scanner::scan)
                .isInstanceOf(java.util.concurrent.CancellationException.class).hasMessage("deadline passed");
    }

    @Test
    void an_empty_repository_is_a_valid_result_with_zero_agents(@TempDir Path tmp) {
        var result = Fixtures.scan(Fixtures.write(tmp, Map.of("README.md", "# nothing\n")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.data().at("/summary/agent_count").asInt()).isZero();
        assertThat(result.data().at("/counts/files_total").asInt()).isEqualTo(1);
        assertThat(result.data().at("/risk_score").asInt()).isZero();
        assertThat(result.data().get("primary_framework").isNull()).isTrue();
    }
}
