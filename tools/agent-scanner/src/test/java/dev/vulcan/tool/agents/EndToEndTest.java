package dev.vulcan.tool.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.ToolLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The tool through the standard launcher on a real JGit repository, read back with ArtifactIo. */
class EndToEndTest {

    static final String SECRET_ENV = "sk-proj-SECRET-VALUE-FROM-DOTENV-123";
    static final String SECRET_MCP = "ghp_SECRETMCPTOKENVALUE0987";
    static final String SECRET_CODE = "sk-ant-SECRET-IN-CODE-555";
    static final String SECRET_YAML = "yaml-SECRET-in-broken-file-777";

    static Path repo(Path dir, Path symlinkTarget) throws Exception {
        Fixtures.copy(Path.of("eval/repos/crewai_yaml"), dir);
        if (symlinkTarget != null) {
            Files.createSymbolicLink(dir.resolve("linked"), symlinkTarget);
        }
        Fixtures.write(dir, Map.of(
                ".env", "export OPENAI_API_KEY=\"" + SECRET_ENV + "\"\nEMPTY=\n",
                ".mcp.json", "{\"mcpServers\": {\"gh\": {\"command\": \"npx\", \"args\": [\"-y\", \"gh-mcp\"],"
                        + " \"env\": {\"GITHUB_TOKEN\": \"" + SECRET_MCP + "\"}}, \"db\": {\"command\": \"docker\","
                        + " \"args\": [\"run\", \"-e\", \"PGPASSWORD=" + SECRET_MCP + "\", \"mcp/pg\"]}}}",
                "client.py", "from anthropic import Anthropic\nfrom crewai import LLM\nclient = Anthropic(api_key=\""
                        + SECRET_CODE + "\")\nbad = LLM(\"" + SECRET_CODE + "\")\nworse = LLM(model=\"openai/"
                        + SECRET_CODE + "\")\n",
                "broken.yaml", "writer:\n  role: Writer\n  api_token: " + SECRET_YAML + "\n  goal: [unclosed\n",
                "chart/templates/deploy.yaml", "{{- if .Values.enabled }}\nkind: Deployment\n{{- end }}\n"));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("fixture").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
        }
        return dir;
    }

    @Test
    void launcher_writes_a_valid_artifact_from_tracked_files_only(@TempDir Path tmp) throws Exception {
        Path outside = Fixtures.write(tmp.resolve("outside"), Map.of("evil.py",
                "from crewai import Agent\ny = Agent(role='e', goal='g', backstory='b')\n"));
        Path repo = repo(tmp.resolve("repo"), outside);
        Fixtures.write(repo, Map.of("untracked.py", "from crewai import Agent\nx = Agent(role='u', goal='g', backstory='b')\n"));
        Path output = tmp.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ToolLauncher.run(new AgentScannerTool(), new String[] {"--repo-path", repo.toString(),
            "--run-id", UUID.randomUUID().toString(), "--output-path", output.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(err.toString()).isZero();
        ToolArtifact artifact = ArtifactIo.read(output.resolve(AgentScannerTool.NAME),
                VulcanSchemas.toolOutput(AgentScannerTool.NAME));
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.PARTIAL);
        JsonNode data = artifact.envelope().data();
        assertThat(GuardrailLinkingTest.strings(data.at("/index/agents")))
                .containsExactly("ResearchCrew/reporting_analyst", "ResearchCrew/researcher");
        assertThat(data.at("/counts/files_total").asInt()).isEqualTo(13);
        assertThat(data.at("/counts/parser_errors").asInt()).isEqualTo(1);
        assertThat(artifact.envelope().errors()).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo("broken.yaml"));
        assertThat(data.at("/mcp_servers/0/env_var_names/0").asString()).isEqualTo("GITHUB_TOKEN");
        assertThat(data.at("/mcp_servers/0/pinned").asBoolean()).isFalse();
        assertThat(data.get("files").findValuesAsString("path")).doesNotContain("untracked.py", "linked",
                "linked/evil.py");
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().getUntracked()).contains("untracked.py");
        }
    }

    @Test
    void no_secret_value_reaches_the_artifact(@TempDir Path tmp) throws Exception {
        Path repo = repo(tmp.resolve("repo"), null);
        Path output = tmp.resolve("out");
        int status = ToolLauncher.run(new AgentScannerTool(), new String[] {"--repo-path", repo.toString(),
            "--run-id", UUID.randomUUID().toString(), "--output-path", output.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(status).isZero();
        String artifact = Files.readString(output.resolve("agent-scanner/output.json"), StandardCharsets.UTF_8)
                + Files.readString(output.resolve("agent-scanner/metadata.json"), StandardCharsets.UTF_8);
        assertThat(artifact).contains("OPENAI_API_KEY", "GITHUB_TOKEN");
        for (String secret : new String[] {SECRET_ENV, SECRET_MCP, SECRET_CODE, SECRET_YAML,
            "sk-proj-THIS-IS-A-FAKE-SECRET-VALUE-1234567890", "serper-fake-secret-0987654321"}) {
            assertThat(artifact).doesNotContain(secret);
        }
    }
}
