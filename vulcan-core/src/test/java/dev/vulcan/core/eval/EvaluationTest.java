package dev.vulcan.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.eval.internal.GitRepoCopier;
import dev.vulcan.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EvaluationTest {

    @TempDir
    Path tmp;

    private Path fixture() throws Exception {
        Path source = testdata("probe-eval");
        Path eval = tmp.resolve("eval");
        GitRepoCopier.copyTree(source, eval);
        return eval;
    }

    private static Path testdata(String name) throws URISyntaxException {
        return Path.of(EvaluationTest.class.getResource("testdata/" + name).toURI());
    }

    private static Map<String, Scorecard.Result> byId(Scorecard scorecard) {
        return scorecard.results().stream()
                .collect(Collectors.toMap(r -> r.expectation().id(), Function.identity()));
    }

    @Test
    void scores_every_scope_and_comparison_against_the_tool_output() throws Exception {
        Scorecard scorecard = Evaluation.evaluate(new ProbeTool(), fixture(), tmp.resolve("out"));

        Map<String, Scorecard.Result> results = byId(scorecard);
        assertThat(results).hasSize(16);
        assertThat(results.values().stream().filter(r -> r.outcome() == Outcome.FAIL).map(r -> r.expectation().id()))
                .containsExactlyInAnyOrder("app-size-max", "function-gamma");
        assertThat(results.values().stream().filter(r -> r.outcome() == Outcome.ERROR).map(r -> r.expectation().id()))
                .containsExactly("pair-unsupported");
        assertThat(results.get("app-size-max").actual().asInt()).isEqualTo(49);
        assertThat(results.get("function-gamma").actual()).isNull();
        assertThat(results.get("function-gamma").detail()).contains("gamma");
        assertThat(scorecard.passed()).isEqualTo(13);
        assertThat(scorecard.exactMatchRate()).isEqualTo(13.0 / 16);
        assertThat(scorecard.isComplete()).isTrue();
        assertThat(scorecard.repos()).singleElement().satisfies(r -> {
            assertThat(r.repo()).isEqualTo("repos/basic");
            assertThat(r.executionStatus()).isEqualTo("success");
            assertThat(r.commit()).matches("[0-9a-f]{40}");
        });
    }

    @Test
    void writes_the_documented_scorecard_json() throws Exception {
        Path out = tmp.resolve("out");
        Evaluation.evaluate(new ProbeTool(), fixture(), out);

        JsonNode json = Json.read(out.resolve(Evaluation.SCORECARD_FILE));
        assertThat(json.get("scorecard_version").asString()).isEqualTo(Scorecard.FORMAT_VERSION);
        assertThat(json.get("tool_name").asString()).isEqualTo("eval-probe");
        assertThat(json.get("tool_version").asString()).isEqualTo("2.1.0");
        assertThat(json.at("/overall/expectations").asInt()).isEqualTo(16);
        assertThat(json.at("/overall/passed").asInt()).isEqualTo(13);
        assertThat(json.at("/overall/failed").asInt()).isEqualTo(2);
        assertThat(json.at("/overall/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/overall/exact_match_rate").asDouble()).isEqualTo(13.0 / 16);
        assertThat(json.at("/repos/0/exact_match_rate").asDouble()).isEqualTo(13.0 / 16);
        JsonNode failed = json.at("/repos/0/results/4");
        assertThat(failed.get("id").asString()).isEqualTo("app-size-max");
        assertThat(failed.get("outcome").asString()).isEqualTo("fail");
        assertThat(failed.get("expected").asInt()).isEqualTo(10);
        assertThat(failed.get("actual").asInt()).isEqualTo(49);
        assertThat(json.get("invalid_ground_truth")).isEmpty();
        assertThat(out.resolve("runs/repos_basic/eval-probe/output.json")).isRegularFile();
    }

    @Test
    void reports_bad_ground_truth_files_by_name_and_evaluates_the_rest() throws Exception {
        Path eval = fixture();
        Path gt = eval.resolve(Evaluation.GROUND_TRUTH_DIR);
        Files.writeString(gt.resolve("broken.json"), "{ \"schema_version\": ");
        Files.writeString(gt.resolve("invalid.json"), """
                {"schema_version": "1.0.0", "tool_name": "eval-probe", "repo": "repos/basic", "expectations": []}""");
        Files.writeString(gt.resolve("other-tool.json"), """
                {"schema_version": "1.0.0", "tool_name": "loc", "repo": "repos/basic", "expectations": [
                  {"id": "a", "scope": "repo", "metric": "/x", "comparison": "absent"}]}""");
        Files.writeString(gt.resolve("no-repo.json"), """
                {"schema_version": "1.0.0", "tool_name": "eval-probe", "repo": "repos/nothing", "expectations": [
                  {"id": "a", "scope": "repo", "metric": "/x", "comparison": "absent"}]}""");
        Files.writeString(gt.resolve("escape.json"), """
                {"schema_version": "1.0.0", "tool_name": "eval-probe", "repo": "../..", "expectations": [
                  {"id": "a", "scope": "repo", "metric": "/x", "comparison": "absent"}]}""");
        Files.writeString(gt.resolve("twice.json"), """
                {"schema_version": "1.0.0", "tool_name": "eval-probe", "repo": "basic", "expectations": [
                  {"id": "a", "scope": "repo", "metric": "/x", "comparison": "absent"},
                  {"id": "a", "scope": "repo", "metric": "/y", "comparison": "absent"}]}""");

        Scorecard scorecard = Evaluation.evaluate(new ProbeTool(), eval, tmp.resolve("out"));

        Map<String, String> invalid = scorecard.invalidGroundTruth().stream()
                .collect(Collectors.toMap(Scorecard.InvalidGroundTruth::file, Scorecard.InvalidGroundTruth::problem));
        assertThat(invalid).containsOnlyKeys("broken.json", "invalid.json", "other-tool.json", "no-repo.json",
                "escape.json", "twice.json");
        assertThat(invalid.get("invalid.json")).contains("ground-truth/v1.json");
        assertThat(invalid.get("other-tool.json")).contains("'loc'");
        assertThat(invalid.get("no-repo.json")).contains("repos/nothing");
        assertThat(invalid.get("escape.json")).contains("outside the evaluation folder");
        assertThat(invalid.get("twice.json")).contains("'a' appears twice");
        assertThat(scorecard.results()).hasSize(16);
        assertThat(scorecard.isComplete()).isFalse();
    }

    @Test
    void a_failing_tool_turns_every_expectation_of_its_repo_into_an_error() throws Exception {
        Path eval = fixture();
        Files.writeString(eval.resolve("repos/basic/FAIL"), "x\n");

        Scorecard scorecard = Evaluation.evaluate(new ProbeTool(), eval, tmp.resolve("out"));

        assertThat(scorecard.results()).hasSize(16).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.detail()).contains("asked to fail");
        });
        assertThat(scorecard.repos().get(0).executionStatus()).isEqualTo("failed");
        assertThat(scorecard.isComplete()).isFalse();
    }

    @Test
    void the_default_materializer_commits_what_gitignore_does_not_ignore_and_keeps_links_as_links() throws Exception {
        Path source = tmp.resolve("source");
        Files.createDirectories(source.resolve("sub"));
        Files.writeString(source.resolve(".gitignore"), "*.log\n");
        Files.writeString(source.resolve("sub/kept.txt"), "kept\n");
        Files.writeString(source.resolve("debug.log"), "ignored\n");
        Files.createSymbolicLink(source.resolve("link"), Path.of("/etc/passwd"));
        Path target = tmp.resolve("target");
        Files.createDirectories(target);

        RepoMaterializer.copyAndCommit().materialize(source, target);

        assertThat(Files.isSymbolicLink(target.resolve("link"))).isTrue();
        assertThat(target.resolve("debug.log")).isRegularFile();
        try (Git git = Git.open(target.toFile())) {
            var cache = git.getRepository().readDirCache();
            assertThat(cache.getEntry("sub/kept.txt")).isNotNull();
            assertThat(cache.getEntry(".gitignore")).isNotNull();
            assertThat(cache.getEntry("link")).isNotNull();
            assertThat(cache.getEntry("debug.log")).isNull();
            assertThat(git.log().call().iterator().next().getAuthorIdent().getName()).isEqualTo("Vulcan Evaluation");
        }
    }

    @Test
    void the_same_sources_give_the_same_commit() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        RepoMaterializer.copyAndCommit().materialize(testdata("probe-eval/repos/basic"), a);
        RepoMaterializer.copyAndCommit().materialize(testdata("probe-eval/repos/basic"), b);
        try (Git ga = Git.open(a.toFile()); Git gb = Git.open(b.toFile())) {
            assertThat(ga.getRepository().resolve("HEAD")).isEqualTo(gb.getRepository().resolve("HEAD"));
        }
    }

    @Test
    void rejects_an_evaluation_folder_without_ground_truth() {
        assertThatThrownBy(() -> Evaluation.evaluate(new ProbeTool(), tmp, tmp.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ground-truth");
    }

    @Test
    void command_line_exit_status_follows_the_documented_rules() throws Exception {
        Path eval = fixture();
        String out = tmp.resolve("out").toString();

        assertThat(run("--eval-dir", eval.toString(), "--output-path", out)).isZero();
        assertThat(run("--eval-dir", eval.toString(), "--output-path", out, "--fail-under", "0.5")).isZero();
        assertThat(run("--eval-dir", eval.toString(), "--output-path", out, "--fail-under", "0.9")).isEqualTo(1);
        assertThat(run("--eval-dir", eval.toString())).isEqualTo(2);
        assertThat(run("--eval-dir", tmp.resolve("none").toString(), "--output-path", out)).isEqualTo(2);
        Files.writeString(eval.resolve("ground-truth/broken.json"), "nope");
        assertThat(run("--eval-dir", eval.toString(), "--output-path", out)).isEqualTo(2);
    }

    private static int run(String... args) {
        StringWriter sink = new StringWriter();
        PrintWriter writer = new PrintWriter(sink);
        return Evaluation.run(new ProbeTool(), args, writer, writer);
    }
}
