package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigParsersTest {

    @Test
    void requirements_and_pyproject_yield_framework_versions() {
        assertThat(Dependencies.requirements("crewai[tools]==0.86.0  # pinned\n-r base.txt\nlanggraph>=0.2; python_version>'3.9'\n"))
                .containsExactly(new Dependencies.Requirement("crewai", "==0.86.0"),
                        new Dependencies.Requirement("langgraph", ">=0.2"));
        String pyproject = """
                [project]
                dependencies = [
                  "openai-agents>=0.0.19",
                  'mcp',
                ]
                [tool.poetry.dependencies]
                python = "^3.11"
                pyautogen = {version = "^0.2.35", optional = true}
                """;
        assertThat(Dependencies.pyproject(pyproject)).containsExactly(
                new Dependencies.Requirement("openai-agents", ">=0.0.19"), new Dependencies.Requirement("mcp", ""),
                new Dependencies.Requirement("pyautogen", "^0.2.35"));
    }

    @Test
    void env_files_yield_names_only() {
        assertThat(EnvFiles.names("# c\nexport A_KEY=\"v=1\"\nB=2\n  C = 3\nnot a line\n=x\n"))
                .containsExactly("A_KEY", "B", "C");
    }

    @Test
    void mcp_launch_pinning_is_read_per_launcher() {
        assertThat(pinned("npx", List.of("-y", "@scope/server@1.2.3"))).isTrue();
        assertThat(pinned("npx", List.of("-y", "@scope/server"))).isFalse();
        assertThat(pinned("npx", List.of("server@latest"))).isFalse();
        assertThat(pinned("uvx", List.of("mcp-server-git==0.6.2"))).isTrue();
        assertThat(pinned("uvx", List.of("mcp-server-git"))).isFalse();
        assertThat(pinned("docker", List.of("run", "-i", "mcp/postgres:latest"))).isFalse();
        assertThat(pinned("docker", List.of("run", "-i", "mcp/postgres:1.0"))).isTrue();
        assertThat(pinned("python", List.of("server.py"))).isNull();
        ScanModel model = new ScanModel();
        ScanModel.McpServer s = model.mcpServer("d", new ScanModel.Location("a.json", 1));
        McpConfigs.launch(s, "docker", List.of("run", "-i", "-e", "TOKEN", "-e", "KEY=secret-value", "--rm",
                "ghcr.io/org/server:1.2"));
        assertThat(s.packageName).isEqualTo("ghcr.io/org/server:1.2");
        assertThat(s.pinned).isTrue();
    }

    @Test
    void model_strings_and_key_names_map_to_providers() {
        assertThat(Providers.ofModel("gpt-4o")).isEqualTo("openai");
        assertThat(Providers.ofModel("o3-mini")).isEqualTo("openai");
        assertThat(Providers.ofModel("anthropic/claude-3-5-haiku")).isEqualTo("anthropic");
        assertThat(Providers.ofModel("ollama/llama3")).isEqualTo("ollama");
        assertThat(Providers.ofModel("llama3.1")).isNull();
        assertThat(Providers.ofApiKeyVariable("GROQ_API_KEY")).isEqualTo("groq");
        assertThat(Providers.ofApiKeyVariable("OPENAI_MODEL")).isNull();
        assertThat(Providers.plausibleModel("gpt-4o-2024-08-06")).isTrue();
        assertThat(Providers.plausibleModel("anthropic/claude-3-5-sonnet-20241022")).isTrue();
        assertThat(Providers.plausibleModel("sk-proj-abc123")).isFalse();
        assertThat(Providers.plausibleModel("a8f3c9d2e1b4a7f6c3d8e2b1a9f4c7d3e6b2a1f8")).isFalse();
        assertThat(Providers.plausibleModel("has spaces")).isFalse();
    }

    private static Boolean pinned(String command, List<String> args) {
        ScanModel model = new ScanModel();
        ScanModel.McpServer s = model.mcpServer("s", new ScanModel.Location("a.json", 1));
        McpConfigs.launch(s, command, args);
        return s.pinned;
    }
}
