package dev.vulcan.tool.loc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.ToolLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LocToolEndToEndTest {

    @TempDir
    Path repo;

    @TempDir
    Path output;

    private RevCommit commitRepo() throws Exception {
        write("src/Main.java", "/** Doc. */\npublic class Main {\n\n    // entry\n    public static void main(String[] a) {\n"
                + "        if (a.length > 0 && a[0] != null) { System.out.println(\"/* hi */\"); }\n    }\n}\n");
        write("tools/run.py", "\"\"\"Docstring.\"\"\"\nimport sys\n\n# comment\nprint(sys.argv)\n");
        write("docs/README.md", "# Title\n\n<!-- hidden -->\nText.\n");
        write("bin/deploy", "#!/bin/bash\n# deploy\necho ok\n");
        write(".gitignore", "build/\n");
        Files.write(repo.resolve("logo.c"), new byte[] {'x', 0, 'y', '\n'});
        write("LICENSE", "Some license text.\n");
        Files.createSymbolicLink(repo.resolve("link.java"), Path.of("src/Main.java"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("init").setSign(false)
                    .setAuthor(new PersonIdent("T", "t@example.com")).setCommitter(new PersonIdent("T", "t@example.com"))
                    .call();
            write("build/generated.c", "int ignored;\n");
            write("scratch.c", "int untracked;\n");
            return commit;
        }
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private int launch(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] base = {"--repo-path", repo.toString(), "--run-id", UUID.randomUUID().toString(), "--output-path",
                output.toString()};
        String[] args = extra.length > 0 ? extra : base;
        int status = ToolLauncher.run(new LocTool(), args, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).as("stderr").doesNotContain("Exception");
        return status;
    }

    private static Map<String, JsonNode> files(Envelope envelope) {
        Map<String, JsonNode> files = new HashMap<>();
        envelope.data().get("files").forEach(f -> files.put(f.get("path").asString(), f));
        return files;
    }

    @Test
    void counts_the_tracked_files_of_a_git_repository_into_a_valid_artifact() throws Exception {
        RevCommit commit = commitRepo();

        assertThat(launch()).isZero();

        ToolArtifact artifact = ArtifactIo.read(output.resolve("loc"), VulcanSchemas.toolOutput("loc"));
        Envelope envelope = artifact.envelopeIfAny().orElseThrow();
        assertThat(envelope.metadata().commit()).isEqualTo(commit.getName());
        assertThat(envelope.metadata().branch()).isEqualTo("main");
        Map<String, JsonNode> files = files(envelope);
        assertThat(files.keySet()).containsExactlyInAnyOrder("src/Main.java", "tools/run.py", "docs/README.md",
                "bin/deploy");
        JsonNode main = files.get("src/Main.java");
        assertThat(main.get("file_id").asString()).isEqualTo(CanonicalIds.fileId("src/Main.java"));
        assertThat(main.get("language").asString()).isEqualTo("Java");
        assertThat(new long[] {main.get("lines").asLong(), main.get("code").asLong(), main.get("comments").asLong(),
                main.get("blanks").asLong(), main.get("complexity").asLong()}).containsExactly(8, 5, 2, 1, 2);
        JsonNode py = files.get("tools/run.py");
        assertThat(new long[] {py.get("code").asLong(), py.get("comments").asLong(), py.get("blanks").asLong()})
                .containsExactly(2, 2, 1);
        assertThat(files.get("bin/deploy").get("language").asString()).isEqualTo("Shell");
        JsonNode summary = envelope.data().get("summary");
        assertThat(summary.get("total_files").asInt()).isEqualTo(4);
        assertThat(summary.get("binary_files").asInt()).isEqualTo(1);
        assertThat(summary.get("unsupported_files").asInt()).isEqualTo(2);
        assertThat(envelope.metadata().filesAnalyzed()).isEqualTo(4);
        assertThat(envelope.errors()).isEmpty();
    }

    @Test
    void a_file_over_the_size_cap_is_a_recoverable_error_and_the_rest_is_counted() throws Exception {
        commitRepo();
        Path config = output.resolve("loc-config.json");
        Files.writeString(config, "{\"schema_version\": \"1.0.0\", \"tool_name\": \"loc\", \"parameters\": {"
                + "\"repo_path\": \"" + repo + "\", \"run_id\": \"" + UUID.randomUUID() + "\", \"output_path\": \""
                + output + "\", \"tool_specific\": {\"max_file_bytes\": 100}}}");

        int status = launch("--config", config.toString());

        assertThat(status).as("partial result").isZero();
        Envelope envelope = ArtifactIo.read(output.resolve("loc"), VulcanSchemas.toolOutput("loc")).envelopeIfAny()
                .orElseThrow();
        assertThat(files(envelope)).containsOnlyKeys("tools/run.py", "docs/README.md", "bin/deploy");
        assertThat(envelope.errors()).extracting(ToolError::code, ToolError::file, ToolError::recoverable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FILE_TOO_LARGE", "src/Main.java", true));
        assertThat(envelope.data().get("summary").get("skipped_files").asInt()).isEqualTo(1);
    }

    @Test
    void a_plain_directory_is_walked_without_entering_git_folders_or_following_symlinks() throws Exception {
        write("a.c", "int a;\n");
        write(".hg/store.c", "int hidden;\n");
        Path outside = Files.createTempDirectory("loc-outside");
        Files.writeString(outside.resolve("secret.c"), "int secret;\n");
        Files.createSymbolicLink(repo.resolve("linked"), outside);

        int status = launch("--repo-path", repo.toString(), "--commit", "0".repeat(40), "--run-id",
                UUID.randomUUID().toString(), "--output-path", output.toString());

        assertThat(status).isZero();
        Envelope envelope = ArtifactIo.read(output.resolve("loc"), VulcanSchemas.toolOutput("loc")).envelopeIfAny()
                .orElseThrow();
        assertThat(files(envelope)).containsOnlyKeys("a.c");
    }
}
