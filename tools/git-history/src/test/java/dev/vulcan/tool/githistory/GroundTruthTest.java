package dev.vulcan.tool.githistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays every scripted evaluation repository of eval/ and checks every hand-computed expectation. */
class GroundTruthTest {

    @TempDir
    Path tmp;

    @Test
    void meets_every_expectation_of_the_ground_truth() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = GitHistoryEvaluation.run(new String[] {"--eval-dir", "eval", "--output-path", tmp.toString(),
            "--fail-under", "1.0"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString()).contains("renames-mailmap-merge", "knowledge", "coupling")
                .doesNotContain("  fail ").doesNotContain("  error ")
                .containsPattern("git-history-evaluation: (\\d+)/\\1 expectations passed");
        assertThat(tmp.resolve("scorecard.json")).isRegularFile();
    }

    @Test
    void rejects_a_fail_under_outside_zero_to_one() {
        StringWriter err = new StringWriter();
        int status = GitHistoryEvaluation.run(new String[] {"--fail-under", "2", "--eval-dir", "eval",
            "--output-path", tmp.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-under");
    }

    @Test
    void rejects_a_missing_option() {
        StringWriter err = new StringWriter();
        int status = GitHistoryEvaluation.run(new String[] {"--eval-dir", "eval"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--output-path");
    }
}
