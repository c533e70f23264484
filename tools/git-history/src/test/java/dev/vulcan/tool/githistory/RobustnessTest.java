package dev.vulcan.tool.githistory;

import static dev.vulcan.tool.githistory.Histories.analyze;
import static dev.vulcan.tool.githistory.Histories.author;
import static dev.vulcan.tool.githistory.Histories.day;
import static dev.vulcan.tool.githistory.Histories.file;
import static dev.vulcan.tool.githistory.Histories.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolExecution;
import dev.vulcan.core.tool.ToolExecutor;
import dev.vulcan.core.tool.ToolLauncher;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.githistory.internal.ScriptedRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RobustnessTest {

    @TempDir
    Path tmp;

    private String buildThreeCommits(Path repo) throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", lines(1, 2)).commit("Alice", "alice@example.com", day("2024-01-01"), "one");
            String second = r.write("a.txt", lines(1, 3)).commit("Bob", "bob@example.com", day("2024-01-02"), "two");
            r.write("a.txt", lines(1, 4)).write("b.txt", "b\n")
                    .commit("Alice", "alice@example.com", day("2024-01-03"), "three");
            return second;
        }
    }

    @Test
    void runs_end_to_end_through_the_launcher_with_tool_specific_options() throws Exception {
        Path repo = tmp.resolve("repo");
        buildThreeCommits(repo);
        Path output = tmp.resolve("out");
        Path config = tmp.resolve("config.json");
        Files.writeString(config, """
                {"schema_version": "1.0.0", "tool_name": "git-history",
                 "parameters": {"repo_path": "%s", "run_id": "%s", "output_path": "%s",
                   "tool_specific": {"anonymize_authors": true, "anonymization_key": "k", "recent_window_days": 1}}}
                """.formatted(repo, Histories.RUN, output));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = ToolLauncher.run(new GitHistoryTool(), new String[] {"--config", config.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(status).as(err.toString()).isZero();
        ToolArtifact artifact = ArtifactIo.read(output.resolve("git-history"), VulcanSchemas.toolOutput("git-history"));
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.SUCCESS);
        JsonNode data = artifact.envelope().data();
        assertThat(data.at("/summary/commit_count").intValue()).isEqualTo(3);
        assertThat(data.at("/summary/anonymized").booleanValue()).isTrue();
        assertThat(data.at("/summary/recent_window_days").intValue()).isEqualTo(1);
        assertThat(file(data, "a.txt").get("revisions").intValue()).isEqualTo(3);
        assertThat(Files.readString(output.resolve("git-history/output.json"))).doesNotContain("@example.com");
        assertThat(artifact.metadata().filesAnalyzed()).isEqualTo(2);
    }

    @Test
    void fails_cleanly_on_an_unknown_option() throws Exception {
        Path repo = tmp.resolve("repo");
        buildThreeCommits(repo);
        Path output = tmp.resolve("out");
        Path config = tmp.resolve("config.json");
        Files.writeString(config, """
                {"schema_version": "1.0.0", "tool_name": "git-history",
                 "parameters": {"repo_path": "%s", "run_id": "%s", "output_path": "%s",
                   "tool_specific": {"no_such_option": 1}}}
                """.formatted(repo, Histories.RUN, output));

        int status = ToolLauncher.run(new GitHistoryTool(), new String[] {"--config", config.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(status).isEqualTo(1);
        ToolArtifact artifact = ArtifactIo.read(output.resolve("git-history"), VulcanSchemas.toolOutput("git-history"));
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(artifact.metadata().errors().get(0).message()).contains("no_such_option");
    }

    @Test
    void gives_a_partial_result_on_a_shallow_clone() throws Exception {
        Path source = tmp.resolve("source");
        buildThreeCommits(source);
        Path clone = tmp.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(2).call()) {
            assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
        }

        ToolResult result = analyze(clone, tmp.resolve("out"));

        assertThat(result.errors()).extracting(ToolError::code).containsExactly("SHALLOW_HISTORY");
        assertThat(result.errors().get(0).recoverable()).isTrue();
        JsonNode data = result.data();
        assertThat(data.at("/summary/commit_count").intValue()).isEqualTo(2);
        // Only the newest commit is diffed; the boundary commit has no known parent and is not counted.
        assertThat(file(data, "a.txt").get("revisions").intValue()).isEqualTo(1);
        assertThat(file(data, "a.txt").get("lines_added").intValue()).isEqualTo(1);
        assertThat(file(data, "b.txt").get("revisions").intValue()).isEqualTo(1);
    }

    @Test
    void gives_a_partial_result_when_objects_are_missing() throws Exception {
        Path repo = tmp.resolve("repo");
        String second = buildThreeCommits(repo);
        ObjectId blob;
        try (Git git = Git.open(repo.toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(second));
            try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), "a.txt", commit.getTree())) {
                blob = tree.getObjectId(0);
            }
        }
        String name = blob.name();
        Files.delete(repo.resolve(".git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));

        ToolResult result = analyze(repo, tmp.resolve("out"));

        // The blob is the new side of commit two and the old side of commit three: both are skipped.
        assertThat(result.errors()).extracting(ToolError::code)
                .containsExactly("COMMIT_UNREADABLE", "COMMIT_UNREADABLE");
        assertThat(result.errors()).allMatch(ToolError::recoverable);
        JsonNode a = file(result.data(), "a.txt");
        assertThat(a.get("revisions").intValue()).isEqualTo(1);
        assertThat(a.get("lines_added").intValue()).isEqualTo(2);
        assertThat(result.data().at("/summary/commit_count").intValue()).isEqualTo(3);
    }

    @Test
    void stops_with_timed_out_when_the_deadline_has_passed() throws Exception {
        Path repo = tmp.resolve("repo");
        buildThreeCommits(repo);
        String commit = GitRevisions.resolve(repo, null, null).commit();
        ToolContext context = new ToolContext(GitHistoryTool.NAME,
                repo.toAbsolutePath(), "main", commit, Histories.RUN, Histories.REPO, null,
                tmp.resolve("out").toAbsolutePath(), Json.object(),
                Instant.now().minusSeconds(1));

        ToolExecution execution = ToolExecutor.execute(new GitHistoryTool(), context);

        assertThat(execution.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
        assertThat(execution.outputFileIfAny()).isEmpty();
    }

    @Test
    void reports_a_mailmap_with_unparseable_lines() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write(".mailmap", "Alice <alice@example.com>\nthis line has no e-mail\n")
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "one");
        }

        ToolResult result = analyze(repo, tmp.resolve("out"));

        assertThat(result.errors()).extracting(ToolError::code).containsExactly("MAILMAP_INVALID_LINES");
        assertThat(result.errors().get(0).file()).isEqualTo(".mailmap");
        assertThat(result.data().at("/summary/mailmap_entries").intValue()).isEqualTo(1);
    }

    @Test
    void leaves_invalid_paths_out_of_files_and_previous_paths() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            ObjectId blob;
            try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
                blob = inserter.insert(Constants.OBJ_BLOB, "a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
                inserter.flush();
            }
            // A work tree cannot hold a backslash path portably: commit straight from the index.
            commitIndex(git, "dir\\odd.txt", blob, "Alice", "2024-01-01");
            commitIndex(git, "ok.txt", blob, "Bob", "2024-01-02");
            commitIndex(git, "new\\odd.txt", blob, "Carol", "2024-01-03");
            commitIndex(git, "ok.txt", blob, "Dave", "2024-01-04");
        }

        ToolResult result = analyze(repo, tmp.resolve("out"));
        JsonNode ok = file(result.data(), "ok.txt");

        assertThat(result.errors()).isEmpty();
        assertThat(ok.get("revisions").intValue()).isEqualTo(4);
        assertThat(ok.get("previous_paths")).isEmpty();
        assertThat(SchemaValidator.shared().validate(VulcanSchemas.toolOutput("git-history"), result.data()))
                .isEmpty();
    }

    @Test
    void leaves_submodules_out() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            ObjectId blob;
            try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
                blob = inserter.insert(Constants.OBJ_BLOB, "a\n".getBytes(StandardCharsets.UTF_8));
                inserter.flush();
            }
            ObjectId other = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
            commitIndex(git, "a.txt", blob, "Alice", "2024-01-01", "vendor/lib", other);
        }

        ToolResult result = analyze(repo, tmp.resolve("out"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("files")).hasSize(1);
        assertThat(author(result.data(), "Alice").get("files_touched").intValue()).isEqualTo(1);
    }

    private static void commitIndex(Git git, String path, ObjectId blob, String author, String date)
            throws Exception {
        commitIndex(git, path, blob, author, date, null, null);
    }

    private static void commitIndex(Git git, String path, ObjectId blob, String author, String date,
            String submodule, ObjectId submoduleCommit) throws Exception {
        DirCache index = git.getRepository().lockDirCache();
        DirCacheBuilder builder = index.builder();
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(blob);
        builder.add(entry);
        if (submodule != null) {
            DirCacheEntry link = new DirCacheEntry(submodule);
            link.setFileMode(FileMode.GITLINK);
            link.setObjectId(submoduleCommit);
            builder.add(link);
        }
        builder.finish();
        builder.commit();
        PersonIdent ident = new PersonIdent(author, author.toLowerCase(Locale.ROOT) + "@example.com", day(date),
                ZoneOffset.UTC);
        git.commit().setAuthor(ident).setCommitter(ident).setMessage(path).setSign(false).call();
    }

    @Test
    void leaves_symlinks_out_of_the_files() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", "a\n");
            Files.createSymbolicLink(repo.resolve("link"), Path.of("a.txt"));
            r.commit("Alice", "alice@example.com", day("2024-01-01"), "one");
        }

        JsonNode data = analyze(repo, tmp.resolve("out")).data();

        assertThat(data.get("files")).hasSize(1);
        assertThat(data.at("/summary/file_count").intValue()).isEqualTo(1);
    }
}
