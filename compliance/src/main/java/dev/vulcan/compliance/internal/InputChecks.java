package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.CheckId;
import dev.vulcan.compliance.CheckResult;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input contract checks (architecture proposal 2.3, 2.7, Appendix C "Input Contract" and "Configuration
 * Contract"): the tool jar is run as a real process on the fixture repository with {@code --help}, a valid
 * config, a config of another MAJOR version, a missing required argument, and a config overridden on the
 * command line.
 */
public final class InputChecks {

    /** The options every tool's usage lists. */
    public static final List<String> STANDARD_OPTIONS = List.of("--config", "--repo-path", "--branch", "--commit",
            "--run-id", "--output-path");

    private static final int STDERR_EVIDENCE = 300;

    private InputChecks() {
    }

    /**
     * Runs the input checks.
     *
     * @param subject the tool
     * @return the results, in check order
     */
    public static List<CheckResult> run(Subject subject) {
        if (!subject.jarUsable()) {
            String reason = "no usable executable jar (see structure.tool_jar)";
            return List.of(CheckResult.skip(CheckId.HELP, reason), CheckResult.skip(CheckId.CONFIG_VALID, reason),
                    CheckResult.skip(CheckId.CONFIG_UNKNOWN_FIELD, reason),
                    CheckResult.skip(CheckId.CONFIG_WRONG_MAJOR, reason),
                    CheckResult.skip(CheckId.MISSING_REQUIRED_ARG, reason),
                    CheckResult.skip(CheckId.CLI_OVERRIDES_CONFIG, reason));
        }
        Path cwd = subject.folder("input-cwd");
        FixtureRepository fixture = subject.fixture();
        TreeSnapshot repoBefore = TreeSnapshot.of(fixture.dir(), p -> false);
        List<CheckResult> results = new ArrayList<>();
        results.add(help(subject, cwd));
        results.addAll(validConfig(subject, cwd));
        results.add(wrongMajor(subject, cwd));
        results.add(missingArgument(subject, cwd));
        results.add(overrides(subject, cwd));
        List<String> stray = new ArrayList<>();
        TreeSnapshot.of(cwd, p -> false).entries().keySet()
                .forEach(p -> stray.add("working folder of the input-contract runs: added " + p));
        repoBefore.changesTo(TreeSnapshot.of(fixture.dir(), p -> false))
                .forEach(c -> stray.add("repository, during the input-contract runs: " + c));
        subject.strayWrites(stray);
        return results;
    }

    private static CheckResult help(Subject subject, Path cwd) {
        ProcessResult run = subject.runJar(List.of("--help"), cwd);
        List<String> evidence = List.of("java -jar JAR --help: " + run.describe());
        if (run.timedOut() || run.exitStatus() != 0) {
            return CheckResult.fail(CheckId.HELP, "--help does not exit 0 (" + run.describe() + "): "
                    + run.stderrTail(STDERR_EVIDENCE), evidence);
        }
        List<String> missing = STANDARD_OPTIONS.stream().filter(o -> !run.stdout().contains(o)).toList();
        if (!missing.isEmpty()) {
            return CheckResult.fail(CheckId.HELP, "--help does not list " + String.join(", ", missing), evidence);
        }
        return CheckResult.pass(CheckId.HELP, "--help lists " + String.join(", ", STANDARD_OPTIONS), evidence);
    }

    /** The unknown top-level field the valid config carries. */
    static final String UNKNOWN_FIELD = "x_compliance_probe";

    /** Runs the tool with a valid config that also carries an unknown field: two results from one run. */
    private static List<CheckResult> validConfig(Subject subject, Path cwd) {
        FixtureRepository fixture = subject.fixture();
        UUID runId = UUID.randomUUID();
        Path out = subject.path("input-config-out");
        Path config = writeConfig(subject, "config-valid.json", "1.0.0", fixture.dir(), runId, out);
        ProcessResult run = subject.runJar(List.of("--config", config.toString()), cwd);
        CheckResult valid = validConfigResult(subject, run, runId, out);
        CheckResult unknown;
        if (valid.failed()) {
            unknown = CheckResult.skip(CheckId.CONFIG_UNKNOWN_FIELD, "the valid config did not run (see input.config_valid)");
        } else if (!(run.stderr() + run.stdout()).contains(UNKNOWN_FIELD)) {
            unknown = CheckResult.fail(CheckId.CONFIG_UNKNOWN_FIELD, "the unknown config field " + UNKNOWN_FIELD
                    + " was ignored silently: no warning names it", List.of("stderr: " + run.stderrTail(STDERR_EVIDENCE)));
        } else {
            unknown = CheckResult.pass(CheckId.CONFIG_UNKNOWN_FIELD, "the unknown field " + UNKNOWN_FIELD
                    + " was ignored with a warning", List.of("stderr: " + run.stderrTail(STDERR_EVIDENCE)));
        }
        return List.of(valid, unknown);
    }

    private static CheckResult validConfigResult(Subject subject, ProcessResult run, UUID runId, Path out) {
        List<String> evidence = new ArrayList<>(List.of("java -jar JAR --config config-valid.json: " + run.describe()));
        if (run.timedOut() || run.exitStatus() != 0) {
            return CheckResult.fail(CheckId.CONFIG_VALID, "a valid config does not run the tool (" + run.describe()
                    + "): " + run.stderrTail(STDERR_EVIDENCE), evidence);
        }
        Path toolDir = out.resolve(subject.module().name());
        JsonNode output = readJson(toolDir.resolve("output.json"));
        if (output == null || !Files.isRegularFile(toolDir.resolve("metadata.json"))) {
            return CheckResult.fail(CheckId.CONFIG_VALID, "no output.json and metadata.json in the config's "
                    + "output_path/" + subject.module().name(), evidence);
        }
        String version = output.path("metadata").path("schema_version").asString("");
        if (!version.isEmpty()) {
            subject.schemaVersion(version);
        }
        String reported = output.path("metadata").path("run_id").asString("");
        if (!runId.toString().equals(reported)) {
            return CheckResult.fail(CheckId.CONFIG_VALID, "output.json has run_id '" + reported + "', not the config's "
                    + runId, evidence);
        }
        evidence.add("schema_version " + version);
        return CheckResult.pass(CheckId.CONFIG_VALID, "the config's repo_path, run_id and output_path were used",
                evidence);
    }

    private static CheckResult wrongMajor(Subject subject, Path cwd) {
        Path out = subject.path("input-major-out");
        Path config = writeConfig(subject, "config-major.json", "2.0.0", subject.fixture().dir(), UUID.randomUUID(), out);
        ProcessResult run = subject.runJar(List.of("--config", config.toString()), cwd);
        List<String> evidence = List.of("java -jar JAR --config config-major.json (schema_version 2.0.0): "
                + run.describe(), "stderr: " + run.stderrTail(STDERR_EVIDENCE));
        int expected = ExitCode.INVALID_INPUT.status();
        if (run.timedOut() || run.exitStatus() != expected) {
            return CheckResult.fail(CheckId.CONFIG_WRONG_MAJOR, "a config with schema_version 2.0.0 gives "
                    + run.describe() + ", expected exit " + expected + " (invalid input)", evidence);
        }
        String text = (run.stderr() + run.stdout()).toLowerCase(Locale.ROOT);
        if (!text.contains("schema_version") || !text.contains("2.0.0")) {
            return CheckResult.fail(CheckId.CONFIG_WRONG_MAJOR, "the message does not name schema_version and the "
                    + "rejected version 2.0.0", evidence);
        }
        if (!isEmpty(out)) {
            return CheckResult.fail(CheckId.CONFIG_WRONG_MAJOR, "a rejected config still wrote to its output_path",
                    evidence);
        }
        return CheckResult.pass(CheckId.CONFIG_WRONG_MAJOR, "rejected with exit " + expected
                + " and a message naming schema_version 2.0.0", evidence);
    }

    private static CheckResult missingArgument(Subject subject, Path cwd) {
        Path out = subject.path("input-missing-out");
        ProcessResult run = subject.runJar(List.of("--run-id", UUID.randomUUID().toString(), "--output-path",
                out.toString()), cwd);
        List<String> evidence = List.of("java -jar JAR --run-id R --output-path DIR (no --repo-path): "
                + run.describe(), "stderr: " + run.stderrTail(STDERR_EVIDENCE));
        int expected = ExitCode.INVALID_INPUT.status();
        if (run.timedOut() || run.exitStatus() != expected) {
            return CheckResult.fail(CheckId.MISSING_REQUIRED_ARG, "a missing --repo-path gives " + run.describe()
                    + ", expected exit " + expected + " (invalid input)", evidence);
        }
        String text = run.stderr() + run.stdout();
        if (!text.contains("--repo-path") && !text.contains("repo_path")) {
            return CheckResult.fail(CheckId.MISSING_REQUIRED_ARG, "the message does not name the missing --repo-path",
                    evidence);
        }
        if (!isEmpty(out)) {
            return CheckResult.fail(CheckId.MISSING_REQUIRED_ARG, "a rejected command line still wrote to "
                    + "--output-path", evidence);
        }
        return CheckResult.pass(CheckId.MISSING_REQUIRED_ARG, "rejected with exit " + expected
                + " and a message naming --repo-path", evidence);
    }

    private static CheckResult overrides(Subject subject, Path cwd) {
        UUID configRun = UUID.randomUUID();
        UUID cliRun = UUID.randomUUID();
        Path configOut = subject.path("input-override-config-out");
        Path cliOut = subject.path("input-override-cli-out");
        Path config = writeConfig(subject, "config-override.json", "1.0.0", subject.fixture().dir(), configRun, configOut);
        ProcessResult run = subject.runJar(List.of("--config", config.toString(), "--run-id", cliRun.toString(),
                "--output-path", cliOut.toString()), cwd);
        List<String> evidence = List.of("java -jar JAR --config config-override.json --run-id R2 --output-path DIR2: "
                + run.describe());
        if (run.timedOut() || run.exitStatus() != 0) {
            return CheckResult.fail(CheckId.CLI_OVERRIDES_CONFIG, "the run fails (" + run.describe() + "): "
                    + run.stderrTail(STDERR_EVIDENCE), evidence);
        }
        JsonNode output = readJson(cliOut.resolve(subject.module().name()).resolve("output.json"));
        if (output == null) {
            return CheckResult.fail(CheckId.CLI_OVERRIDES_CONFIG, "--output-path did not override the config's "
                    + "output_path: no output.json there", evidence);
        }
        if (!isEmpty(configOut)) {
            return CheckResult.fail(CheckId.CLI_OVERRIDES_CONFIG, "the tool also wrote to the config's output_path",
                    evidence);
        }
        String reported = output.path("metadata").path("run_id").asString("");
        if (!cliRun.toString().equals(reported)) {
            return CheckResult.fail(CheckId.CLI_OVERRIDES_CONFIG, "--run-id did not override the config's run_id: "
                    + "output.json has '" + reported + "'", evidence);
        }
        return CheckResult.pass(CheckId.CLI_OVERRIDES_CONFIG, "--run-id and --output-path override the config",
                evidence);
    }

    private static Path writeConfig(Subject subject, String fileName, String version, Path repo, UUID runId, Path out) {
        ObjectNode config = Json.object();
        config.put("schema_version", version);
        if (fileName.equals("config-valid.json")) {
            config.put(UNKNOWN_FIELD, true);
        }
        config.put("tool_name", subject.module().name());
        ObjectNode parameters = config.putObject("parameters");
        parameters.put("repo_path", repo.toString());
        parameters.put("run_id", runId.toString());
        parameters.put("output_path", out.toString());
        Path file = subject.folder("input-configs").resolve(fileName);
        try {
            Files.write(file, Json.toBytes(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
        return file;
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file);
        } catch (InvalidJsonException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
