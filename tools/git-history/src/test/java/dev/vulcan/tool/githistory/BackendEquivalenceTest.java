package dev.vulcan.tool.githistory;

import static dev.vulcan.tool.githistory.Histories.analyze;
import static dev.vulcan.tool.githistory.Histories.day;
import static dev.vulcan.tool.githistory.Histories.file;
import static dev.vulcan.tool.githistory.Histories.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.githistory.internal.GitLog;
import dev.vulcan.tool.githistory.internal.ScriptedRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code git} executable path and the JGit path give the same artifact data and errors on the scripted
 * histories; the executable runs nothing configured by the analyzed repository. Skipped when git is missing.
 */
class BackendEquivalenceTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void requireGit() {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
    }

    private static ObjectNode backend(String code) {
        ObjectNode options = Json.object();
        options.put("history_backend", code);
        options.put("anonymize_authors", true);
        options.put("anonymization_key", "same-key-for-both");
        return options;
    }

    private void assertSameResults(Path repo) throws Exception {
        ToolResult viaGit = analyze(repo, backend("git"), tmp.resolve("out-git"));
        ToolResult viaJgit = analyze(repo, backend("jgit"), tmp.resolve("out-jgit"));

        assertThat(Json.mapper().writeValueAsString(viaGit.data()))
                .isEqualTo(Json.mapper().writeValueAsString(viaJgit.data()));
        assertThat(viaGit.errors()).isEqualTo(viaJgit.errors());
        assertThat(viaGit.filesAnalyzed()).isEqualTo(viaJgit.filesAnalyzed());
    }

    @Test
    void both_backends_give_the_same_data_on_every_scripted_evaluation_repository() throws Exception {
        List<Path> scripts;
        try (Stream<Path> dirs = Files.list(Path.of("eval/repos"))) {
            scripts = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(3);
        for (Path script : scripts) {
            Path repo = tmp.resolve("repo-" + script.getFileName());
            ScriptedRepo.materialize(script, repo);
            assertSameResults(repo);
        }
    }

    @Test
    void both_backends_give_the_same_data_on_renames_copies_binaries_and_odd_paths() throws Exception {
        Path repo = tmp.resolve("repo");
        byte[] binary = {0, 1, 2, 3, 0, 5, 6, 7};
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("src/a.txt", lines(1, 40)).write("src/b.txt", lines(1, 10)).writeBytes("img.bin", binary)
                    .write("with space.txt", "x\n").write("ünï/cödé.txt", lines(1, 3))
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "root");
            r.rename("src/a.txt", "lib/a.txt").write("lib/a.txt", lines(1, 38) + "changed\n")
                    .rename("img.bin", "assets/img.bin")
                    .commit("Bob", "bob@example.com", day("2024-01-02"), "renames with an edit, binary rename");
            r.delete("src/b.txt").write("copy1.txt", lines(1, 10)).write("copy2.txt", lines(1, 10))
                    .commit("Carol", "carol@example.com", day("2024-01-03"), "one source, two destinations");
            r.write("src/b.txt", "re-created\n").writeBytes("assets/img.bin", new byte[] {0, 9, 9})
                    .commit("Alice", "alice@example.com", day("2024-01-04"), "re-create, binary edit");
            r.branch("side").rename("lib/a.txt", "core/a.txt").write("ünï/cödé.txt", lines(2, 5))
                    .commit("Dan", "dan@example.com", day("2024-01-05"), "rename on a branch");
            r.checkout("main").write("with space.txt", "y\nz\n")
                    .commit("Bob", "bob@example.com", day("2024-01-06"), "edit on main");
            r.merge("side").commit("Alice", "alice@example.com", day("2024-01-07"), "merge side");
            r.write("core/a.txt", lines(1, 50)).delete("copy2.txt")
                    .commit("Carol", "carol@example.com", day("2024-01-08"), "after the merge");
            r.commit("Dan", "dan@example.com", day("2024-01-09"), "an empty commit");
        }

        assertSameResults(repo);
        ToolResult viaGit = analyze(repo, Json.object().put("history_backend", "git"), tmp.resolve("check"));
        assertThat(viaGit.data().at("/summary/commit_count").intValue()).isEqualTo(9);
        assertThat(file(viaGit.data(), "core/a.txt").get("revisions").intValue()).isEqualTo(4);
        assertThat(file(viaGit.data(), "assets/img.bin").get("binary_revisions").intValue()).isEqualTo(2);
    }

    @Test
    void both_backends_give_the_same_data_when_a_committer_clock_went_back() throws Exception {
        // git's date order prints "parent" before its older child "skewed": the git backend then reads the history
        // again with the JGit walk order (two-step path); the result must not change
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", lines(1, 5)).write("b.txt", lines(1, 20))
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "root");
            r.write("a.txt", lines(1, 7)).commit("Bob", "bob@example.com", day("2024-01-05"), "parent");
            r.branch("side").rename("b.txt", "c.txt").write("a.txt", lines(2, 7))
                    .commit("Dan", "dan@example.com", day("2024-01-02"), "skewed, with a rename");
            r.checkout("main").write("a.txt", lines(1, 9)).commit("Carol", "carol@example.com", day("2024-01-06"), "c");
            r.merge("side").commit("Alice", "alice@example.com", day("2024-01-07"), "merge");
        }

        assertSameResults(repo);
        ToolResult viaGit = analyze(repo, Json.object().put("history_backend", "git"), tmp.resolve("check"));
        assertThat(file(viaGit.data(), "c.txt").get("revisions").intValue()).isEqualTo(2);
        assertThat(viaGit.data().at("/summary/commit_count").intValue()).isEqualTo(5);
    }

    @Test
    void git_ignores_replace_refs_as_jgit_does() throws Exception {
        Path repo = tmp.resolve("repo");
        String replaced;
        String replacement;
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", lines(1, 2)).commit("Alice", "alice@example.com", day("2024-01-01"), "one");
            r.branch("fake").write("a.txt", lines(1, 50));
            replacement = r.commit("Mallory", "mallory@example.com", day("2024-01-02"), "fake two");
            r.checkout("main").write("a.txt", lines(1, 3));
            replaced = r.commit("Bob", "bob@example.com", day("2024-01-02"), "two");
            r.write("b.txt", "b\n").commit("Carol", "carol@example.com", day("2024-01-03"), "three");
            org.eclipse.jgit.lib.RefUpdate update = r.git().getRepository().updateRef("refs/replace/" + replaced);
            update.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(replacement));
            assertThat(update.update()).isIn(org.eclipse.jgit.lib.RefUpdate.Result.NEW,
                    org.eclipse.jgit.lib.RefUpdate.Result.FORCED);
        }

        assertSameResults(repo);
        ToolResult viaGit = analyze(repo, Json.object().put("history_backend", "git"), tmp.resolve("check"));
        assertThat(file(viaGit.data(), "a.txt").get("lines_added").intValue()).isEqualTo(3);
    }

    @Test
    void git_runs_nothing_configured_by_the_analyzed_repository() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write(".gitattributes", "* diff=evil\n").write("a.txt", lines(1, 3))
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "one");
            r.write("a.txt", lines(1, 5)).commit("Bob", "bob@example.com", day("2024-01-02"), "two");
        }
        Path marker = tmp.resolve("ran");
        Path script = tmp.resolve("evil.sh");
        Files.writeString(script, "#!/bin/sh\ntouch '" + marker + "'\ncat \"$1\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try (Git git = Git.open(repo.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("diff", "evil", "textconv", script.toString());
            config.setString("diff", "evil", "command", script.toString());
            config.setString("diff", null, "external", script.toString());
            config.setString("core", null, "fsmonitor", script.toString());
            config.setString("core", null, "pager", script.toString());
            config.setString("core", null, "hooksPath", tmp.toString());
            config.setBoolean("log", null, "showSignature", true);
            config.setString("gpg", null, "program", script.toString());
            config.setBoolean("diff", null, "renames", false);
            config.setInt("diff", null, "renameLimit", 1);
            config.save();
        }

        ToolResult result = analyze(repo, Json.object().put("history_backend", "git"), tmp.resolve("out"));

        assertThat(marker).doesNotExist();
        assertThat(file(result.data(), "a.txt").get("lines_added").intValue()).isEqualTo(5);
        assertSameResults(repo);
        assertThat(marker).doesNotExist();
    }

    @Test
    void forced_git_backend_fails_clearly_while_auto_falls_back_to_jgit() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", lines(1, 2)).commit("Alice", "alice@example.com", day("2024-01-01"), "one");
            r.write("a.txt", lines(1, 3)).commit("Alice", "alice@example.com", day("2024-01-02"), "two");
        }
        deleteLooseBlobOf(repo, lines(1, 2));

        assertThatThrownBy(() -> analyze(repo, Json.object().put("history_backend", "git"), tmp.resolve("a")))
                .isInstanceOf(IOException.class).hasMessageContaining("history_backend git");
        ToolResult auto = analyze(repo, Json.object(), tmp.resolve("b"));
        assertThat(auto.errors()).extracting(ToolError::code).contains("COMMIT_UNREADABLE");
    }

    @Test
    void rejects_an_unknown_history_backend() {
        assertThatThrownBy(() -> GitHistoryOptions.fromToolSpecific(Json.object().put("history_backend", "svn")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history_backend")
                .hasMessageContaining("svn");
    }

    private static void deleteLooseBlobOf(Path repo, String content) throws IOException {
        String id;
        try (org.eclipse.jgit.lib.ObjectInserter.Formatter f = new org.eclipse.jgit.lib.ObjectInserter.Formatter()) {
            id = f.idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)).name();
        }
        Files.delete(repo.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2)));
    }
}
