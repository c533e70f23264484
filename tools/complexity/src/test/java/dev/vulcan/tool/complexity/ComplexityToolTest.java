package dev.vulcan.tool.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.ToolCatalog;
import dev.vulcan.core.tool.ToolLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** End to end: the standard launcher on a real git repository, read back with ArtifactIo. */
class ComplexityToolTest {
    private static final String TESTDATA = "/dev/vulcan/tool/complexity/testdata/";

    @TempDir
    Path dir;

    private Path repo;
    private Path output;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void createRepository() throws Exception {
        repo = dir.resolve("repo");
        output = dir.resolve("out");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            copy("Sample.java", "src/main/java/com/example/shapes/Sample.java");
            copy("sample.py", "py/sample.py");
            copy("broken.py", "py/broken.py");
            copy("sample.go", "go/sample.go");
            Files.writeString(repo.resolve("README.md"), "# readme\n");
            Files.writeString(repo.resolve("big.js"), "x = 1;\n".repeat(2000));
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Ada", "ada@example.com");
            git.commit().setMessage("init").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        Files.writeString(repo.resolve("untracked.py"), "def f():\n    pass\n");
    }

    private void copy(String sample, String target) throws IOException {
        Path to = repo.resolve(target);
        Files.createDirectories(to.getParent());
        try (InputStream in = getClass().getResourceAsStream(TESTDATA + sample)) {
            Files.write(to, Objects.requireNonNull(in, sample).readAllBytes());
        }
    }

    private int run(String... args) {
        return ToolLauncher.run(new ComplexityTool(), args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void writes_a_valid_artifact_with_files_functions_symbols_and_calls() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"schema_version\": \"1.0.0\", \"tool_name\": \"complexity\", \"parameters\": {"
                + "\"repo_path\": \"" + repo + "\", \"run_id\": \"" + UUID.randomUUID() + "\", \"output_path\": \""
                + output + "\", \"tool_specific\": {\"max_file_bytes\": 10000, \"threads\": 2}}}",
                StandardCharsets.UTF_8);

        int status = run("--config", config.toString());

        assertThat(status).as(err.toString()).isZero();
        ToolArtifact artifact = ArtifactIo.read(output.resolve("complexity"),
                VulcanSchemas.toolOutput(ComplexityTool.NAME));
        ObjectNode data = artifact.envelope().data();
        JsonNode summary = data.get("summary");
        assertThat(summary.get("files_listed").asInt()).as("tracked files only").isEqualTo(6);
        assertThat(summary.get("files_analyzed").asInt()).isEqualTo(4);
        assertThat(summary.get("files_skipped_unsupported").asInt()).isEqualTo(1);
        assertThat(summary.get("files_skipped_too_large").asInt()).isEqualTo(1);
        assertThat(summary.get("files_with_parse_errors").asInt()).isEqualTo(1);

        JsonNode java = file(data, "src/main/java/com/example/shapes/Sample.java");
        assertThat(java.get("file_id").asString())
                .isEqualTo(CanonicalIds.fileId("src/main/java/com/example/shapes/Sample.java"));
        assertThat(java.get("language").asString()).isEqualTo("java");
        assertThat(java.get("function_count").asInt()).isEqualTo(10);
        assertThat(java.get("max_ccn").asInt()).isEqualTo(6);
        JsonNode classify = function(java, "classify");
        assertThat(classify.get("ccn").asInt()).isEqualTo(4);
        assertThat(classify.get("cognitive").asInt()).isEqualTo(4);
        assertThat(classify.get("params").asInt()).isEqualTo(2);
        assertThat(classify.get("start_line").asInt()).isEqualTo(15);
        assertThat(classify.get("end_line").asInt()).isEqualTo(23);
        assertThat(classify.get("nloc").asInt()).isEqualTo(9);
        assertThat(classify.get("tokens").asInt()).isPositive();

        assertThat(data.get("symbols")).anySatisfy(s -> {
            assertThat(s.get("qualified_name").asString()).isEqualTo("shapes.Point.Walk");
            assertThat(s.get("is_exported").asBoolean()).isTrue();
            assertThat(s.get("path").asString()).isEqualTo("go/sample.go");
        });
        assertThat(data.get("calls")).anySatisfy(c -> {
            assertThat(c.get("caller").asString()).isEqualTo("outer");
            assertThat(c.get("callee_resolved").asString()).isEqualTo("outer.inner");
            assertThat(c.get("resolution").asString()).isEqualTo("same_file");
        });

        assertThat(artifact.envelope().errors()).extracting(ToolError::code, e -> e.fileIfAny().orElse(null))
                .containsExactlyInAnyOrder(
                        tuple("FILE_TOO_LARGE", "big.js"), tuple("PARSE_ERROR", "py/broken.py"));
        assertThat(artifact.envelope().errors()).allMatch(ToolError::recoverable);
        JsonNode broken = file(data, "py/broken.py");
        assertThat(broken.get("parse_error_count").asInt()).isPositive();
        assertThat(function(broken, "after").get("ccn").asInt()).isEqualTo(2);
    }

    @Test
    void rejects_unknown_tool_specific_keys() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"schema_version\": \"1.0.0\", \"tool_name\": \"complexity\", \"parameters\": {"
                + "\"repo_path\": \"" + repo + "\", \"run_id\": \"" + UUID.randomUUID() + "\", \"output_path\": \""
                + output + "\", \"tool_specific\": {\"max_bytes\": 1}}}", StandardCharsets.UTF_8);

        int status = run("--config", config.toString());

        assertThat(status).isNotZero();
        assertThat(err.toString()).contains("max_bytes");
    }

    @Test
    void is_found_by_the_tool_catalog() {
        assertThat(ToolCatalog.discover(getClass().getClassLoader()).find(ComplexityTool.NAME))
                .get().isInstanceOf(ComplexityTool.class);
    }

    private static JsonNode file(ObjectNode data, String path) {
        for (JsonNode f : data.get("files")) {
            if (f.get("path").asString().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no file " + path);
    }

    private static JsonNode function(JsonNode file, String name) {
        for (JsonNode f : file.get("functions")) {
            if (f.get("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no function " + name);
    }
}
