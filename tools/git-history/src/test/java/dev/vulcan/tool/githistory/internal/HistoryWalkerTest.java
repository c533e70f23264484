package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk made by git itself ({@link HistoryWalker#walkLog}) hands the consumer exactly the records of the JGit
 * walk ({@link HistoryWalker#walk}): same commits, same order, same truncation, same changes, for every commit
 * limit, whether one git process walks or the walk is split among several; and it gives up (empty) when git's
 * date order is not topological. Skipped when git is missing.
 */
class HistoryWalkerTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private Path git;

    @BeforeEach
    void requireGit() {
        Optional<Path> found = GitLog.findExecutable();
        assumeTrue(found.isPresent(), "no git executable on the PATH");
        git = found.get();
    }

    private record Walked(List<CommitRecord> records, HistoryWalker.Outcome outcome) {
    }

    private static Walked jgit(Repository repository, ObjectId head, Set<String> paths, int max) throws Exception {
        List<CommitRecord> records = new ArrayList<>();
        HistoryWalker.Outcome outcome = HistoryWalker.walk(repository, head, paths, max, () -> { }, records::add);
        return new Walked(records, outcome);
    }

    private Optional<Walked> streamed(Repository repository, ObjectId head, Set<String> paths, int max)
            throws Exception {
        Optional<Walked> serial = streamed(repository, head, paths, max, GitLog.Split.SERIAL);
        // split among three processes in chunks of one or two commits: the same records
        assertThat(streamed(repository, head, paths, max, new GitLog.Split(3, 1, 2, 1 << 16))).as("split walk")
                .isEqualTo(serial);
        return serial;
    }

    private Optional<Walked> streamed(Repository repository, ObjectId head, Set<String> paths, int max,
            GitLog.Split split) throws Exception {
        List<CommitRecord> records = new ArrayList<>();
        try (GitLog log = GitLog.walk(git, repository.getDirectory().toPath(), head.name(), max + 1, null, split)) {
            return HistoryWalker.walkLog(repository, log, head, paths, max, () -> { }, records::add)
                    .map(outcome -> new Walked(records, outcome));
        }
    }

    /** Compares both walks for every commit limit from 1 to one more than the commit count. */
    private void assertSameWalksForEveryLimit(Path repo) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve(Constants.HEAD));
            Set<String> paths = files(repository, head);
            int all = jgit(repository, head, paths, Integer.MAX_VALUE).records().size();
            assertThat(all).isGreaterThan(1);
            for (int max = 1; max <= all + 1; max++) {
                Walked expected = jgit(repository, head, paths, max);
                Optional<Walked> actual = streamed(repository, head, paths, max);
                assertThat(actual).as("limit %d", max).isPresent();
                assertThat(actual.get().records()).as("limit %d", max).isEqualTo(expected.records());
                assertThat(actual.get().outcome()).as("limit %d", max).isEqualTo(expected.outcome());
            }
        }
    }

    private static Set<String> files(Repository repository, RevCommit head) throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(head.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (FileMode.REGULAR_FILE.equals(tree.getFileMode(0))) {
                    paths.add(tree.getPathString());
                }
            }
        }
        return paths;
    }

    @Test
    void git_walk_equals_the_jgit_walk_on_every_evaluation_repository_at_every_commit_limit() throws Exception {
        List<Path> scripts;
        try (Stream<Path> dirs = Files.list(Path.of("eval/repos"))) {
            scripts = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            Path repo = tmp.resolve("repo-" + script.getFileName());
            ScriptedRepo.materialize(script, repo);
            assertSameWalksForEveryLimit(repo);
        }
    }

    @Test
    void git_walk_equals_the_jgit_walk_on_branches_with_equal_commit_times() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", "1\n").write("b.txt", "1\n").commit("Alice", "alice@example.com", T, "root");
            r.branch("left").write("a.txt", "2\n").commit("Bob", "bob@example.com", T.plusSeconds(10), "left 1");
            r.rename("b.txt", "c.txt").commit("Bob", "bob@example.com", T.plusSeconds(20), "left 2");
            r.checkout("main").write("d.txt", "1\n").commit("Carol", "carol@example.com", T.plusSeconds(10), "m 1");
            r.branch("right").write("d.txt", "2\n").commit("Dan", "dan@example.com", T.plusSeconds(20), "right");
            r.checkout("main").write("e.txt", "1\n").commit("Carol", "carol@example.com", T.plusSeconds(20), "m 2");
            r.merge("left").commit("Alice", "alice@example.com", T.plusSeconds(30), "merge left");
            r.merge("right").commit("Alice", "alice@example.com", T.plusSeconds(30), "merge right");
            r.write("c.txt", "1\n2\n").commit("Eve", "eve@example.com", T.plusSeconds(30), "after");
        }

        assertSameWalksForEveryLimit(repo);
    }

    @Test
    void git_walk_gives_up_when_a_child_is_older_than_its_parent() throws Exception {
        Path repo = tmp.resolve("repo");
        try (ScriptedRepo r = ScriptedRepo.init(repo)) {
            r.write("a.txt", "1\n").commit("Alice", "alice@example.com", T, "root");
            r.write("a.txt", "2\n").commit("Bob", "bob@example.com", T.plusSeconds(500), "parent");
            // a child older than its parent: git prints the parent before reaching this child
            r.branch("side").write("b.txt", "1\n").commit("Bob", "bob@example.com", T.plusSeconds(100), "skewed");
            r.checkout("main").write("a.txt", "3\n").commit("Carol", "carol@example.com", T.plusSeconds(600), "c");
            r.merge("side").commit("Alice", "alice@example.com", T.plusSeconds(700), "merge");
        }

        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve(Constants.HEAD));
            assertThat(streamed(repository, head, files(repository, head), 100)).isEmpty();
        }
    }
}
