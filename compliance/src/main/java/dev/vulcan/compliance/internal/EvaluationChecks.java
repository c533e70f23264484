package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.CheckId;
import dev.vulcan.compliance.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation check: {@code make evaluate OUTPUT_PATH=DIR} writes {@code DIR/evaluation/scorecard.json}
 * (tools/tool.mk), whose format {@code dev.vulcan.core.eval.Scorecard} documents. The scorecard is valid when
 * its {@code scorecard_version} is 1.x.y, it names the tool, it scores at least one expectation on at least
 * one repository, its overall counts add up ({@code passed + failed + errors = expectations}) and no
 * ground-truth file was unusable. The accuracy itself is reported as evidence, not judged: it is the tool's
 * own quality bar (EVAL_STRATEGY.md), not a contract rule.
 */
public final class EvaluationChecks {

    /** How many times the process time limit {@code make evaluate} gets (it runs the tool once per repository). */
    public static final int TIMEOUT_FACTOR = 5;

    private EvaluationChecks() {
    }

    /**
     * Runs the evaluation check.
     *
     * @param subject the tool
     * @return the result
     */
    public static CheckResult run(Subject subject) {
        if (!subject.options().runEvaluate()) {
            return CheckResult.skip(CheckId.SCORECARD, "not requested (use --run-evaluate)");
        }
        if (!subject.jarUsable()) {
            return CheckResult.skip(CheckId.SCORECARD, "no usable executable jar (see structure.tool_jar)");
        }
        Path out = subject.folder("evaluate-out");
        Duration timeout = subject.options().processTimeout().multipliedBy(TIMEOUT_FACTOR);
        ProcessResult run = subject.make("evaluate", Map.of("OUTPUT_PATH", out.toString()), timeout);
        List<String> evidence = new ArrayList<>(List.of("make evaluate OUTPUT_PATH=<dir>: " + run.describe()));
        Path scorecard = out.resolve("evaluation").resolve("scorecard.json");
        if (run.timedOut() || run.exitStatus() != 0) {
            return CheckResult.fail(CheckId.SCORECARD, "make evaluate fails (" + run.describe() + "): "
                    + run.stderrTail(400), evidence);
        }
        JsonNode card = InputChecks.readJson(scorecard);
        if (card == null) {
            return CheckResult.fail(CheckId.SCORECARD, "make evaluate wrote no readable "
                    + "OUTPUT_PATH/evaluation/scorecard.json", evidence);
        }
        List<String> wrong = new ArrayList<>();
        String version = card.path("scorecard_version").asString("");
        if (!version.startsWith("1.")) {
            wrong.add("scorecard_version is '" + version + "', expected 1.x.y");
        }
        if (!subject.module().name().equals(card.path("tool_name").asString(""))) {
            wrong.add("tool_name is '" + card.path("tool_name").asString("") + "', expected '"
                    + subject.module().name() + "'");
        }
        JsonNode overall = card.path("overall");
        int expectations = overall.path("expectations").asInt(-1);
        int passed = overall.path("passed").asInt(-1);
        int failed = overall.path("failed").asInt(-1);
        int errors = overall.path("errors").asInt(-1);
        if (expectations < 1) {
            wrong.add("the scorecard scores no expectation (overall.expectations " + expectations + ")");
        } else if (passed < 0 || failed < 0 || errors < 0 || passed + failed + errors != expectations) {
            wrong.add("overall counts do not add up: passed " + passed + " + failed " + failed + " + errors " + errors
                    + " != expectations " + expectations);
        }
        if (!card.path("repos").isArray() || card.path("repos").isEmpty()) {
            wrong.add("the scorecard has no repository");
        }
        if (!card.path("invalid_ground_truth").isEmpty()) {
            wrong.add(card.path("invalid_ground_truth").size() + " ground-truth file(s) unusable, first: "
                    + card.path("invalid_ground_truth").get(0).path("file").asString("?"));
        }
        evidence.add("expectations " + expectations + ", passed " + passed + ", failed " + failed + ", errors " + errors
                + ", exact_match_rate " + overall.path("exact_match_rate").asString("null"));
        if (!wrong.isEmpty()) {
            return CheckResult.fail(CheckId.SCORECARD, "scorecard.json is not valid: " + wrong.get(0), evidence);
        }
        return CheckResult.pass(CheckId.SCORECARD, "scorecard.json scores " + expectations + " expectation(s), "
                + passed + " passed", evidence);
    }
}
