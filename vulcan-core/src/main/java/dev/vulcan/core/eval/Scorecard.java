package dev.vulcan.core.eval;

import dev.vulcan.core.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of evaluating a tool against its ground truth, written as {@code scorecard.json}.
 *
 * <p>The JSON form (stable; {@code scorecard_version} changes MAJOR on an incompatible change):
 * <pre>{@code
 * {
 *   "scorecard_version": "1.0.0",
 *   "tool_name": "layout-scanner", "tool_version": "1.0.0", "schema_version": "1.0.0",
 *   "generated_at": "2026-11-23T13:00:00Z",
 *   "overall": { "expectations": 40, "passed": 39, "failed": 1, "errors": 0, "exact_match_rate": 0.975 },
 *   "repos": [ {
 *       "repo": "repos/basic",                      // as named by the ground truth, relative to eval/
 *       "ground_truth_files": ["basic.json"],
 *       "commit": "<40 hex>",                       // of the materialized temporary repository, or null
 *       "execution_status": "success",              // success | partial | failed, or null if never run
 *       "execution_errors": [ { "code": "...", "message": "...", "file": "...", "recoverable": true } ],
 *       "expectations": 40, "passed": 39, "failed": 1, "errors": 0, "exact_match_rate": 0.975,
 *       "results": [ {
 *           "ground_truth_file": "basic.json", "id": "readme-language", "scope": "file", "path": "README.md",
 *           "name": null, "metric": "language", "comparison": "equals", "expected": "Markdown",
 *           "tolerance": null, "actual": "Markdown", "outcome": "pass", "detail": null } ] } ],
 *   "invalid_ground_truth": [ { "file": "broken.json", "problem": "..." } ]
 * }
 * }</pre>
 * {@code exact_match_rate} is {@code passed / expectations}, null when there are no expectations;
 * {@code actual} is null when the value is missing; {@code detail} explains a failure or error.
 *
 * @param toolName the tool evaluated
 * @param toolVersion its version
 * @param schemaVersion its output schema version
 * @param generatedAt when the scorecard was made
 * @param repos the per-repository scores, in ground-truth order
 * @param invalidGroundTruth ground-truth files that could not be used
 */
public record Scorecard(String toolName, String toolVersion, String schemaVersion, Instant generatedAt,
        List<RepoScore> repos, List<InvalidGroundTruth> invalidGroundTruth) {

    /** The version of the scorecard format. */
    public static final String FORMAT_VERSION = "1.0.0";

    /**
     * Creates a scorecard.
     *
     * @throws NullPointerException if any component is null
     */
    public Scorecard {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        repos = List.copyOf(repos);
        invalidGroundTruth = List.copyOf(invalidGroundTruth);
    }

    /**
     * Returns every expectation result of every repository.
     *
     * @return the results
     */
    public List<Result> results() {
        return repos.stream().flatMap(r -> r.results().stream()).toList();
    }

    /**
     * Returns how many expectations passed.
     *
     * @return the count
     */
    public int passed() {
        return count(results(), Outcome.PASS);
    }

    /**
     * Returns the overall exact-match rate: passed expectations over all expectations.
     *
     * @return the rate in [0, 1], or null when there are no expectations
     */
    public Double exactMatchRate() {
        return rate(results());
    }

    /**
     * Tells whether every ground-truth file was usable and every repository's tool run produced an artifact.
     *
     * @return true when nothing went wrong besides failed expectations
     */
    public boolean isComplete() {
        return invalidGroundTruth.isEmpty() && repos.stream().allMatch(RepoScore::ran);
    }

    /**
     * Returns the JSON form described in the class documentation.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("scorecard_version", FORMAT_VERSION);
        node.put("tool_name", toolName);
        node.put("tool_version", toolVersion);
        node.put("schema_version", schemaVersion);
        node.put("generated_at", generatedAt.toString());
        ObjectNode overall = node.putObject("overall");
        counts(overall, results());
        ArrayNode repoArray = node.putArray("repos");
        repos.forEach(r -> repoArray.add(r.toJson()));
        ArrayNode invalid = node.putArray("invalid_ground_truth");
        invalidGroundTruth.forEach(i -> invalid.add(i.toJson()));
        return node;
    }

    private static int count(List<Result> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static Double rate(List<Result> results) {
        return results.isEmpty() ? null : (double) count(results, Outcome.PASS) / results.size();
    }

    private static void counts(ObjectNode node, List<Result> results) {
        node.put("expectations", results.size());
        node.put("passed", count(results, Outcome.PASS));
        node.put("failed", count(results, Outcome.FAIL));
        node.put("errors", count(results, Outcome.ERROR));
        Double rate = rate(results);
        if (rate == null) {
            node.putNull("exact_match_rate");
        } else {
            node.put("exact_match_rate", rate);
        }
    }

    /**
     * The score of one evaluation repository.
     *
     * @param repo the repository as named by its ground truth, relative to the eval folder
     * @param groundTruthFiles the ground-truth files about it
     * @param commit the commit of the materialized repository, or null when it could not be built
     * @param executionStatus the tool's execution status code (success, partial, failed), or null when the
     *     tool did not run
     * @param executionErrors the errors the tool reported (errors[] of the artifact, or of its metadata)
     * @param results the expectation results
     */
    public record RepoScore(String repo, List<String> groundTruthFiles, String commit, String executionStatus,
            List<JsonNode> executionErrors, List<Result> results) {

        /**
         * Creates a repository score.
         *
         * @throws NullPointerException if the repo or a list is null
         */
        public RepoScore {
            Objects.requireNonNull(repo, "repo");
            groundTruthFiles = List.copyOf(groundTruthFiles);
            executionErrors = executionErrors.stream().map(JsonNode::deepCopy).toList();
            results = List.copyOf(results);
        }

        /**
         * Tells whether the tool produced an artifact for this repository.
         *
         * @return true for the success and partial statuses
         */
        public boolean ran() {
            return "success".equals(executionStatus) || "partial".equals(executionStatus);
        }

        /**
         * Returns the exact-match rate of this repository.
         *
         * @return passed over all expectations, or null when there are none
         */
        public Double exactMatchRate() {
            return rate(results);
        }

        /**
         * Returns the JSON form.
         *
         * @return a new object node
         */
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("repo", repo);
            ArrayNode files = node.putArray("ground_truth_files");
            groundTruthFiles.forEach(files::add);
            node.put("commit", commit);
            node.put("execution_status", executionStatus);
            ArrayNode errors = node.putArray("execution_errors");
            executionErrors.forEach(e -> errors.add(e.deepCopy()));
            counts(node, results);
            ArrayNode array = node.putArray("results");
            results.forEach(r -> array.add(r.toJson()));
            return node;
        }
    }

    /**
     * The result of checking one expectation.
     *
     * @param groundTruthFile the file name of the ground truth that holds it
     * @param expectation the expectation
     * @param actual the actual value, or null when missing
     * @param outcome pass, fail or error
     * @param detail why it failed or could not be checked, or null when it passed
     */
    public record Result(String groundTruthFile, Expectation expectation, JsonNode actual, Outcome outcome,
            String detail) {

        /**
         * Creates a result.
         *
         * @throws NullPointerException if the file, expectation or outcome is null
         */
        public Result {
            Objects.requireNonNull(groundTruthFile, "groundTruthFile");
            Objects.requireNonNull(expectation, "expectation");
            Objects.requireNonNull(outcome, "outcome");
            actual = actual == null || actual.isMissingNode() || actual.isNull() ? null : actual.deepCopy();
        }

        /**
         * Tells whether the expectation passed.
         *
         * @return true for {@link Outcome#PASS}
         */
        public boolean passed() {
            return outcome == Outcome.PASS;
        }

        /**
         * Returns the JSON form.
         *
         * @return a new object node
         */
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("ground_truth_file", groundTruthFile);
            node.put("id", expectation.id());
            node.put("scope", expectation.scope().code());
            node.put("path", expectation.path());
            node.put("name", expectation.name());
            node.put("metric", expectation.metric());
            node.put("comparison", expectation.comparison().code());
            node.set("expected", expectation.expected() == null ? Json.mapper().nullNode() : expectation.expected());
            if (expectation.tolerance() == null) {
                node.putNull("tolerance");
            } else {
                node.put("tolerance", expectation.tolerance());
            }
            node.set("actual", actual == null ? Json.mapper().nullNode() : actual.deepCopy());
            node.put("outcome", outcome.code());
            node.put("detail", detail);
            return node;
        }
    }

    /**
     * A ground-truth file that could not be used.
     *
     * @param file its file name in {@code ground-truth/}
     * @param problem what is wrong with it
     */
    public record InvalidGroundTruth(String file, String problem) {

        /**
         * Creates the entry.
         *
         * @throws NullPointerException if a component is null
         */
        public InvalidGroundTruth {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        /**
         * Returns the JSON form.
         *
         * @return a new object node
         */
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("file", file);
            node.put("problem", problem);
            return node;
        }
    }
}
