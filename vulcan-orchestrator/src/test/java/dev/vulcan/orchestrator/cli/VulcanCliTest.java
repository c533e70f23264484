package dev.vulcan.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.orchestrator.TestRepos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulcanCliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VulcanCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void analyze_prints_progress_on_stderr_and_a_summary_and_exits_by_outcome() throws Exception {
        Path repo = tmp.resolve("app");
        try (Git git = TestRepos.init(repo, "main", Map.of("a.py", "print(1)\n", "lib/b.py", "x = 2\n"))) {
            int status = run("analyze", repo.toString(), "--output", tmp.resolve("data").toString(),
                    "--tools", "layout-scanner,loc,t-throws", "--parallel", "2");
            assertThat(status).isEqualTo(VulcanCli.EXIT_PARTIAL);
            assertThat(err.toString()).contains("phase 0  layout-scanner").contains("end   t-throws failed");
            assertThat(out.toString()).contains("Vulcan analysis").contains("PARTIAL")
                    .contains("commit      " + git.getRepository().resolve("HEAD").name() + " on main (in_place)")
                    .contains("files       2").contains("t-throws         failed")
                    .contains("data        " + tmp.resolve("data/vulcan.duckdb"));
            assertThat(run("analyze", repo.toString(), "--output", tmp.resolve("data").toString(), "--tools", "loc"))
                    .isEqualTo(VulcanCli.EXIT_ALREADY_ANALYZED);
            assertThat(err.toString()).contains("--replace");

            out.getBuffer().setLength(0);
            assertThat(run("runs", "--output", tmp.resolve("data").toString(), "--format", "csv")).isZero();
            assertThat(out.toString()).startsWith("run_id,repo_id,branch,commit,status").contains(",completed,");
            out.getBuffer().setLength(0);
            assertThat(run("query", "SELECT language, file_count FROM language_summary ORDER BY language",
                    "--output", tmp.resolve("data").toString(), "--format", "json")).isZero();
            assertThat(out.toString()).contains("\"language\" : \"Python\"").contains("\"file_count\" : \"2\"");
            assertThat(run("query", "DELETE FROM collection_runs", "--output", tmp.resolve("data").toString()))
                    .isEqualTo(VulcanCli.EXIT_INVALID_INPUT);
            assertThat(err.toString()).containsIgnoringCase("read-only");
        }
    }

    @Test
    void invalid_arguments_give_usage_and_exit_2() {
        assertThat(run("analyze")).isEqualTo(VulcanCli.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("Missing required parameter").contains("Usage: vulcan analyze");
        assertThat(run("analyze", tmp.toString(), "--tools", "nope")).isEqualTo(VulcanCli.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("unknown tool nope; known tools: agent-scanner");
        assertThat(run("analyze", tmp.toString(), "--backend", "vm")).isEqualTo(VulcanCli.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("unknown execution mode 'vm'");
        assertThat(run("analyze", tmp.resolve("missing").toString(), "--output", tmp.resolve("d").toString()))
                .isEqualTo(VulcanCli.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void tools_lists_the_registry_in_execution_order() {
        assertThat(run("tools")).isZero();
        assertThat(out.toString()).startsWith("TOOL").contains("layout-scanner   0").contains("t-after-throws");
        assertThat(out.toString().indexOf("layout-scanner")).isLessThan(out.toString().indexOf("git-history"));
    }
}
