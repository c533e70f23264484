package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git log reader: commits come back in the order asked; a walk split among several processes reads exactly
 * what one walking process reads; a failing process is reported; closing early kills every process.
 */
class GitLogTest {

    @TempDir
    Path tmp;

    private List<String> buildHistory(Path repo, int commits) throws Exception {
        List<String> shas = new ArrayList<>();
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            for (int i = 0; i < commits; i++) {
                shas.add(r.write("f" + (i % 7) + ".txt", "line " + i + "\n")
                        .commit("Alice", "alice@example.com", Instant.ofEpochSecond(1_700_000_000L + i), "c" + i));
            }
        }
        return shas;
    }

    @Test
    void returns_commits_in_the_order_asked_then_null() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path repo = tmp.resolve("repo");
        List<String> shas = buildHistory(repo, 3);
        List<String> asked = List.of(shas.get(0), shas.get(2), shas.get(1));

        List<String> seen = new ArrayList<>();
        try (GitLog log = GitLog.start(GitLog.findExecutable().get(), repo.resolve(".git"), asked, null)) {
            for (GitLog.Commit c = log.next(); c != null; c = log.next()) {
                seen.add(c.sha());
                assertThat(c.entries()).hasSize(1);
            }
        }

        assertThat(seen).isEqualTo(asked);
    }

    @Test
    void closing_before_the_end_kills_the_process() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path repo = tmp.resolve("repo");
        List<String> shas = buildHistory(repo, 300);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.addAll(shas);
        }

        try (GitLog log = GitLog.start(GitLog.findExecutable().get(), repo.resolve(".git"), many, null)) {
            assertThat(log.next()).isNotNull();
        }

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse(""))).noneMatch(c -> c.endsWith("/git"));
    }

    private static List<GitLog.Commit> drain(GitLog log) {
        List<GitLog.Commit> commits = new ArrayList<>();
        for (GitLog.Commit c = log.next(); c != null; c = log.next()) {
            commits.add(c);
        }
        return commits;
    }

    private static List<GitLog.Commit> walk(Path repo, String head, int maxCount, GitLog.Split split)
            throws Exception {
        try (GitLog log = GitLog.walk(GitLog.findExecutable().get(), repo.resolve(".git"), head, maxCount, null,
                split)) {
            return drain(log);
        }
    }

    @Test
    void a_split_walk_reads_the_same_commits_as_one_walking_process() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path repo = tmp.resolve("repo");
        List<String> shas = buildHistory(repo, 120);
        String head = shas.get(shas.size() - 1);
        List<GitLog.Commit> serial = walk(repo, head, 1000, GitLog.Split.SERIAL);
        assertThat(serial).hasSize(120);
        assertThat(serial.get(0).header().parents()).containsExactly(shas.get(118));

        for (GitLog.Split split : List.of(new GitLog.Split(2, 1, 7, 1 << 16), new GitLog.Split(3, 50, 50, 1 << 16),
                new GitLog.Split(4, 1, 1, 1 << 16), new GitLog.Split(2, 500, 8192, 1 << 16))) {
            assertThat(walk(repo, head, 1000, split)).as("%s", split).isEqualTo(serial);
            assertThat(walk(repo, head, 31, split)).as("%s, 31 commits", split).isEqualTo(serial.subList(0, 31));
        }
    }

    @Test
    void a_split_walk_of_a_shallow_clone_reads_what_one_walking_process_reads() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path source = tmp.resolve("source");
        buildHistory(source, 40);
        Path clone = tmp.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(15).call()) {
            assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
            String head = git.getRepository().resolve(Constants.HEAD).name();

            List<GitLog.Commit> serial = walk(clone, head, 1000, GitLog.Split.SERIAL);

            assertThat(serial).hasSize(15);
            assertThat(serial.get(14).header().parents()).isEmpty(); // the shallow boundary: no known parent
            assertThat(walk(clone, head, 1000, new GitLog.Split(3, 1, 4, 1 << 16))).isEqualTo(serial);
        }
    }

    @Test
    void a_split_walk_reports_a_chunk_whose_git_fails() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path repo = tmp.resolve("repo");
        List<String> shas = new ArrayList<>();
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            for (int i = 0; i < 40; i++) {
                shas.add(r.write("f.txt", "version " + i + "\n")
                        .commit("Alice", "alice@example.com", Instant.ofEpochSecond(1_700_000_000L + i), "c" + i));
            }
        }
        String id;
        try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
            id = f.idFor(Constants.OBJ_BLOB, "version 5\n".getBytes(StandardCharsets.UTF_8)).name();
        }
        Files.delete(repo.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2)));

        assertThatThrownBy(() -> walk(repo, shas.get(39), 100, new GitLog.Split(2, 4, 4, 1 << 16)))
                .isInstanceOf(GitLog.GitLogException.class).hasMessageContaining("git log failed with exit value");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse(""))).noneMatch(c -> c.endsWith("/git"));
    }

    @Test
    void closing_a_split_walk_before_the_end_kills_every_process() throws Exception {
        assumeTrue(GitLog.findExecutable().isPresent(), "no git executable on the PATH");
        Path repo = tmp.resolve("repo");
        List<String> shas = buildHistory(repo, 300);

        try (GitLog log = GitLog.walk(GitLog.findExecutable().get(), repo.resolve(".git"), shas.get(299), 1000,
                null, new GitLog.Split(3, 10, 10, 1 << 16))) {
            assertThat(log.next()).isNotNull();
        }

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse(""))).noneMatch(c -> c.endsWith("/git"));
    }

    @Test
    void rejects_a_split_without_processes_or_with_inverted_chunk_bounds() {
        assertThatThrownBy(() -> new GitLog.Split(0, 1, 1, 1 << 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GitLog.Split(2, 9, 8, 1 << 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GitLog.Split(2, 1, 8, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 KiB");
    }
}
