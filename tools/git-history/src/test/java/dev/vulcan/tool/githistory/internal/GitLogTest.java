package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git log reader: commits come back in the order asked, and closing early kills the process. */
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
}
