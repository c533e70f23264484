package dev.vulcan.core.eval;

import dev.vulcan.core.artifact.ArtifactException;
import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.eval.internal.ExpectationChecker;
import dev.vulcan.core.eval.internal.GitRepoCopier;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The shared evaluator behind every tool's {@code make evaluate} (architecture proposal 3.4 and E.1): runs a
 * tool on its evaluation repositories and scores its output against hand-verified ground truth.
 *
 * <p>Layout of a tool's evaluation folder:
 * <pre>
 * eval/
 *   ground-truth/*.json   one file per evaluation repository, valid against
 *                         https://vulcan.dev/schemas/ground-truth/v1.json, tool_name = the tool's name
 *   repos/NAME/...        the evaluation repositories as plain files
 * </pre>
 * A ground-truth {@code repo} is resolved against {@code eval/} (as the schema says, e.g. {@code repos/basic});
 * when that is not a directory, against {@code eval/repos/} (so {@code basic} works too). It may not leave
 * the evaluation folder.
 *
 * <p>For each repository named by at least one usable ground-truth file, the evaluator builds a temporary
 * git repository with a {@link RepoMaterializer} (by default: copy the files, commit once), runs the tool
 * in-process with {@link ToolExecutor} (artifacts under {@code OUTPUT/runs/REPO/TOOL/}), reads the artifact
 * back with {@link ArtifactIo#read}, and checks every expectation with the lookup convention of
 * {@link Scope} and the rules of {@link Comparison}. A ground-truth file that is not JSON, does not validate,
 * names another tool, has duplicate expectation ids or names a missing repository is reported by name in
 * {@code invalid_ground_truth} and the others are still evaluated. The result is written to
 * {@code OUTPUT/scorecard.json}, whose format is documented on {@link Scorecard}.
 *
 * <p>Command line ({@link #main(Tool, String[])}):
 * {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}. Exit status ({@link ExitCode}): 0 when the
 * scorecard was written, every ground-truth file was usable and every tool run produced an artifact (failed
 * expectations do not change it unless {@code --fail-under} is given); 2 for bad options, a missing
 * {@code ground-truth/} folder or any invalid ground-truth file; 1 when a tool run failed, the scorecard
 * could not be written, or the overall exact-match rate is below {@code --fail-under}.
 */
public final class Evaluation {

    /** The scorecard file written in the output folder. */
    public static final String SCORECARD_FILE = "scorecard.json";
    /** The folder of ground-truth files in an evaluation folder. */
    public static final String GROUND_TRUTH_DIR = "ground-truth";
    /** The folder of evaluation repositories in an evaluation folder. */
    public static final String REPOS_DIR = "repos";
    /** The folder, in the output folder, holding the tool's artifacts per repository. */
    public static final String RUNS_DIR = "runs";

    private Evaluation() {
    }

    /**
     * Runs the evaluation from a tool's evaluation main class and exits the JVM with the exit status.
     *
     * @param tool the tool
     * @param args the command line
     */
    public static void main(Tool tool, String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(tool, args, out, err));
    }

    /**
     * Runs the evaluation with a command line and returns the exit status, without exiting the JVM.
     *
     * @param tool the tool
     * @param args the command line
     * @param out where the summary goes
     * @param err where problems go
     * @return the exit status
     */
    public static int run(Tool tool, String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(args, "args");
        String name = tool.descriptor().name() + "-evaluation";
        Options options = new Options();
        CommandLine cli = new CommandLine(options).setOut(out).setErr(err);
        cli.getCommandSpec().name(name);
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                out.flush();
                return ExitCode.SUCCESS.status();
            }
            if (options.failUnder != null && (options.failUnder < 0 || options.failUnder > 1)) {
                throw new CommandLine.ParameterException(cli, "--fail-under must be within 0..1");
            }
        } catch (CommandLine.ParameterException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        Scorecard scorecard;
        try {
            scorecard = evaluate(tool, options.evalDir.toAbsolutePath().normalize(),
                    options.outputPath.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            err.println(name + ": invalid input: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        } catch (UncheckedIOException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return ExitCode.ANALYSIS_FAILED.status();
        }
        return report(scorecard, options, out, err, name);
    }

    private static int report(Scorecard scorecard, Options options, PrintWriter out, PrintWriter err, String name) {
        for (Scorecard.RepoScore repo : scorecard.repos()) {
            out.println(String.format(Locale.ROOT, "%s: %s: %s, %d/%d expectations passed", name, repo.repo(),
                    repo.executionStatus() == null ? "not run" : repo.executionStatus(),
                    repo.results().stream().filter(Scorecard.Result::passed).count(), repo.results().size()));
            repo.results().stream().filter(r -> !r.passed()).forEach(r -> out.println("  " + r.outcome().code()
                    + " " + r.groundTruthFile() + "#" + r.expectation().id() + ": expected "
                    + r.expectation().comparison().code() + " " + r.expectation().expected() + ", actual "
                    + r.actual() + (r.detail() == null ? "" : " (" + r.detail() + ")")));
        }
        scorecard.invalidGroundTruth().forEach(i -> err.println(name + ": invalid ground truth " + i.file() + ": "
                + i.problem()));
        Double rate = scorecard.exactMatchRate();
        out.println(String.format(Locale.ROOT, "%s: exact-match rate %s (%d/%d) -> %s", name,
                rate == null ? "n/a" : String.format(Locale.ROOT, "%.4f", rate), scorecard.passed(),
                scorecard.results().size(), options.outputPath.resolve(SCORECARD_FILE)));
        out.flush();
        err.flush();
        if (!scorecard.invalidGroundTruth().isEmpty()) {
            return ExitCode.INVALID_INPUT.status();
        }
        if (!scorecard.isComplete()) {
            return ExitCode.ANALYSIS_FAILED.status();
        }
        if (options.failUnder != null && (rate == null || rate < options.failUnder)) {
            err.println(name + ": exact-match rate below --fail-under " + options.failUnder);
            err.flush();
            return ExitCode.ANALYSIS_FAILED.status();
        }
        return ExitCode.SUCCESS.status();
    }

    /**
     * Evaluates a tool with the default materializer ({@link RepoMaterializer#copyAndCommit()}) and writes
     * {@code outputDir/scorecard.json}.
     *
     * @param tool the tool
     * @param evalDir the tool's evaluation folder (holding {@code ground-truth/} and {@code repos/})
     * @param outputDir where the scorecard and the per-repository artifacts go (created if missing)
     * @return the scorecard
     * @throws IllegalArgumentException if the evaluation folder has no {@code ground-truth/} folder
     * @throws UncheckedIOException if the folders cannot be read or the scorecard cannot be written
     */
    public static Scorecard evaluate(Tool tool, Path evalDir, Path outputDir) {
        return evaluate(tool, evalDir, outputDir, RepoMaterializer.copyAndCommit());
    }

    /**
     * Evaluates a tool, building each evaluation repository with the given materializer, and writes
     * {@code outputDir/scorecard.json}.
     *
     * @param tool the tool
     * @param evalDir the tool's evaluation folder
     * @param outputDir where the scorecard and the per-repository artifacts go (created if missing)
     * @param materializer how a repository folder becomes a git repository
     * @return the scorecard
     * @throws IllegalArgumentException if the evaluation folder has no {@code ground-truth/} folder
     * @throws UncheckedIOException if the folders cannot be read or the scorecard cannot be written
     */
    public static Scorecard evaluate(Tool tool, Path evalDir, Path outputDir, RepoMaterializer materializer) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(evalDir, "evalDir");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(materializer, "materializer");
        Path evalRoot = evalDir.toAbsolutePath().normalize();
        Path groundTruthDir = evalRoot.resolve(GROUND_TRUTH_DIR);
        if (!Files.isDirectory(groundTruthDir)) {
            throw new IllegalArgumentException("evaluation folder " + evalRoot + " has no " + GROUND_TRUTH_DIR
                    + "/ folder");
        }
        ToolDescriptor descriptor = tool.descriptor();
        List<Scorecard.InvalidGroundTruth> invalid = new ArrayList<>();
        Map<String, List<GroundTruth>> byRepo = new LinkedHashMap<>();
        for (Path file : groundTruthFiles(groundTruthDir)) {
            try {
                GroundTruth truth = load(file, evalRoot, descriptor.name());
                byRepo.computeIfAbsent(truth.repo(), k -> new ArrayList<>()).add(truth);
            } catch (InvalidGroundTruthException e) {
                invalid.add(new Scorecard.InvalidGroundTruth(file.getFileName().toString(), e.getMessage()));
            }
        }
        Path outputRoot = outputDir.toAbsolutePath().normalize();
        UUID runId = CanonicalIds.newRunId();
        List<Scorecard.RepoScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<GroundTruth>> entry : byRepo.entrySet()) {
            scores.add(evaluateRepo(tool, entry.getValue(), outputRoot, runId, materializer));
        }
        Scorecard scorecard = new Scorecard(descriptor.name(), descriptor.version(), descriptor.schemaVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), scores, invalid);
        try {
            Files.createDirectories(outputRoot);
            ArtifactIo.writeAtomically(outputRoot.resolve(SCORECARD_FILE), Json.toBytes(scorecard.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputRoot.resolve(SCORECARD_FILE) + ": " + e, e);
        }
        return scorecard;
    }

    private record GroundTruth(String fileName, String repo, Path repoDir, List<Expectation> expectations) {
    }

    private static List<Path> groundTruthFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e, e);
        }
    }

    private static GroundTruth load(Path file, Path evalRoot, String toolName) {
        JsonNode json;
        try {
            json = Json.read(file);
        } catch (InvalidJsonException e) {
            throw new InvalidGroundTruthException(e.getMessage());
        }
        List<SchemaProblem> problems = SchemaValidator.shared().validate(VulcanSchemas.GROUND_TRUTH, json);
        if (!problems.isEmpty()) {
            throw new InvalidGroundTruthException("does not validate against " + VulcanSchemas.GROUND_TRUTH + ": "
                    + problems.stream().limit(10).map(SchemaProblem::toString).collect(Collectors.joining("; ")));
        }
        String fileTool = json.get("tool_name").asString();
        if (!fileTool.equals(toolName)) {
            throw new InvalidGroundTruthException("is for tool '" + fileTool + "', not '" + toolName + "'");
        }
        List<Expectation> expectations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : json.get("expectations")) {
            Expectation expectation;
            try {
                expectation = Expectation.fromJson(node);
            } catch (IllegalArgumentException e) {
                throw new InvalidGroundTruthException(e.getMessage());
            }
            if (!ids.add(expectation.id())) {
                throw new InvalidGroundTruthException("expectation id '" + expectation.id() + "' appears twice");
            }
            expectations.add(expectation);
        }
        String repo = json.get("repo").asString();
        return new GroundTruth(file.getFileName().toString(), repo, resolveRepo(evalRoot, repo), expectations);
    }

    private static Path resolveRepo(Path evalRoot, String repo) {
        for (Path base : List.of(evalRoot, evalRoot.resolve(REPOS_DIR))) {
            Path candidate;
            try {
                candidate = base.resolve(repo).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new InvalidGroundTruthException("repo '" + repo + "' is not a valid path");
            }
            if (!candidate.startsWith(evalRoot) || candidate.equals(evalRoot)) {
                throw new InvalidGroundTruthException("repo '" + repo + "' is outside the evaluation folder");
            }
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new InvalidGroundTruthException("repo '" + repo + "' is neither eval/" + repo + " nor eval/"
                + REPOS_DIR + "/" + repo);
    }

    private static Scorecard.RepoScore evaluateRepo(Tool tool, List<GroundTruth> truths, Path outputRoot,
            UUID runId, RepoMaterializer materializer) {
        String repo = truths.get(0).repo();
        List<String> fileNames = truths.stream().map(GroundTruth::fileName).toList();
        Path work = null;
        try {
            work = Files.createTempDirectory("vulcan-eval-");
            Path repoDir = work.resolve("repo");
            Files.createDirectories(repoDir);
            try {
                materializer.materialize(truths.get(0).repoDir(), repoDir);
            } catch (Exception e) {
                return errorScore(repo, fileNames, truths, null, null, List.of(),
                        "cannot build the evaluation repository: " + e);
            }
            String commit = GitRevisions.resolve(repoDir, null, null).commit();
            ToolDescriptor descriptor = tool.descriptor();
            Path runOutput = outputRoot.resolve(RUNS_DIR).resolve(repoKey(repo));
            ToolContext context = new ToolContext(descriptor.name(), repoDir.toAbsolutePath(), "main", commit,
                    runId, CanonicalIds.uuidV5(CanonicalIds.REPO_NAMESPACE, "evaluation:" + descriptor.name()
                    + ":" + repo), null, runOutput, Json.object(), Instant.now().plus(descriptor.timeout()));
            ToolExecutor.execute(tool, context);
            ToolArtifact artifact;
            try {
                artifact = ArtifactIo.read(ArtifactIo.toolDir(runOutput, descriptor.name()), tool.outputSchemaId());
            } catch (ArtifactException e) {
                return errorScore(repo, fileNames, truths, commit, null, List.of(), "artifact unreadable: "
                        + e.getMessage());
            }
            String status = artifact.metadata().status().code();
            if (artifact.envelope() == null) {
                List<JsonNode> errors = artifact.metadata().errors().stream().map(e -> (JsonNode) e.toJson()).toList();
                return errorScore(repo, fileNames, truths, commit, status, errors, "the tool run failed: "
                        + artifact.metadata().errors().stream().map(ToolError::message).collect(Collectors.joining("; ")));
            }
            JsonNode data = artifact.envelope().data();
            List<Scorecard.Result> results = new ArrayList<>();
            for (GroundTruth truth : truths) {
                for (Expectation expectation : truth.expectations()) {
                    ExpectationChecker.Check check = ExpectationChecker.check(expectation, data);
                    results.add(new Scorecard.Result(truth.fileName(), expectation, check.actual(), check.outcome(),
                            check.detail()));
                }
            }
            List<JsonNode> errors = artifact.envelope().errors().stream().map(e -> (JsonNode) e.toJson()).toList();
            return new Scorecard.RepoScore(repo, fileNames, commit, status, errors, results);
        } catch (IOException e) {
            return errorScore(repo, fileNames, truths, null, null, List.of(), "cannot prepare the evaluation: " + e);
        } catch (RuntimeException e) {
            return errorScore(repo, fileNames, truths, null, null, List.of(), "evaluation failed: " + e);
        } finally {
            if (work != null) {
                try {
                    GitRepoCopier.deleteTree(work);
                } catch (IOException e) {
                    // A leftover temporary folder does not change the scores; the OS cleans its temp folder.
                }
            }
        }
    }

    private static Scorecard.RepoScore errorScore(String repo, List<String> fileNames, List<GroundTruth> truths,
            String commit, String status, List<JsonNode> errors, String detail) {
        List<Scorecard.Result> results = new ArrayList<>();
        for (GroundTruth truth : truths) {
            for (Expectation expectation : truth.expectations()) {
                results.add(new Scorecard.Result(truth.fileName(), expectation, null, Outcome.ERROR, detail));
            }
        }
        return new Scorecard.RepoScore(repo, fileNames, commit, status, errors, results);
    }

    private static String repoKey(String repo) {
        String key = repo.replaceAll("[^A-Za-z0-9._-]", "_");
        return key.isEmpty() || key.startsWith(".") ? "_" + key : key;
    }

    /** A ground-truth file that cannot be used; the message says why. */
    private static final class InvalidGroundTruthException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidGroundTruthException(String message) {
            super(message);
        }
    }

    @Command(mixinStandardHelpOptions = false, sortOptions = false,
            description = "Runs the tool on its evaluation repositories and writes scorecard.json.")
    static final class Options {
        @Option(names = "--eval-dir", required = true, paramLabel = "DIR",
                description = "The tool's evaluation folder (ground-truth/ and repos/).")
        Path evalDir;

        @Option(names = "--output-path", required = true, paramLabel = "DIR",
                description = "Where scorecard.json and the per-repository artifacts go.")
        Path outputPath;

        @Option(names = "--fail-under", paramLabel = "RATE",
                description = "Exit 1 when the overall exact-match rate is below RATE (0..1).")
        Double failUnder;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }
}
