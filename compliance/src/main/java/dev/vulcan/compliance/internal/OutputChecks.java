package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.CheckId;
import dev.vulcan.compliance.CheckResult;
import dev.vulcan.core.envelope.Commits;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.PathRule;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The output contract checks (architecture proposal 2.4, 2.4.1, 4.6, Appendix C "Output Contract"): the tool is
 * run with {@code make analyze} on the fixture repository (COMMIT left at its default, HEAD, which the tool
 * must resolve), then its artifact is checked.
 *
 * <p><b>Path fields</b> are the string values of fields named {@code path}, {@code file}, {@code *_path},
 * the string items of arrays named {@code paths}, {@code *_paths} or {@code files}, and the fields the tool's
 * schema declares as {@code repo_path} (such as {@code symlink_target}), anywhere in {@code data} and
 * {@code errors}; the empty string is accepted only as the {@code path} of an element of a
 * {@code directories} array (the repository root).
 *
 * <p><b>Absolute paths</b> are looked for in every string and key of output.json and metadata.json: any
 * string containing a location of the run (the fixture repository, the folder outside it, the output folder,
 * the validator's scratch folder, the tool folder, the user's home), and any string or word starting with a
 * drive letter ({@code C:\}, {@code C:/}), a UNC prefix, {@code file:/}, or a well-known file system root
 * ({@code /tmp/}, {@code /home/}, {@code /Users/}, {@code /root/}, {@code /var/}, {@code /usr/}, ...).
 * URL paths such as {@code /api/users} (an agent's HTTP route) are not absolute file paths and are accepted.
 */
public final class OutputChecks {

    private static final Pattern ABSOLUTE_WORD = Pattern.compile(
            "(?:^|[\\s'\"(=:,\\[])((?:/(?:tmp|home|Users|root|var|usr|opt|etc|mnt|media|private|srv|work|workspace|"
                    + "builds|nix|proc|dev|bin|sbin|lib|lib64|data|Volumes|System|Library|run|snap|github)/[^\\s'\"]*)"
                    + "|(?:[A-Za-z]:[\\\\/][^\\s'\"]*)|(?:\\\\\\\\[^\\s'\"\\\\]+\\\\[^\\s'\"]*)|(?:file:/[^\\s'\"]*))");
    private static final int MAX_EVIDENCE = 20;
    private static final int STDERR_EVIDENCE = 400;

    private OutputChecks() {
    }

    /**
     * Runs the output checks.
     *
     * @param subject the tool
     * @return the results, in check order
     */
    public static List<CheckResult> run(Subject subject) {
        List<CheckId> checks = List.of(CheckId.ANALYSIS_RUN, CheckId.ENVELOPE_SCHEMA, CheckId.TOOL_SCHEMA,
                CheckId.METADATA, CheckId.COMMIT_SHA, CheckId.PATH_RULES, CheckId.NO_ABSOLUTE_PATHS, CheckId.ERRORS,
                CheckId.SYMLINKS_NOT_FOLLOWED, CheckId.CONFINED_WRITES);
        if (!subject.options().runAnalysis()) {
            return checks.stream().map(c -> CheckResult.skip(c, "not requested (use --run-analysis)")).toList();
        }
        if (!subject.jarUsable()) {
            return checks.stream().map(c -> CheckResult.skip(c, "no usable executable jar (see structure.tool_jar)"))
                    .toList();
        }
        FixtureRepository fixture = subject.fixture();
        String name = subject.module().name();
        Path out = subject.folder("analysis-out");
        TreeSnapshot repoBefore = TreeSnapshot.of(fixture.dir(), p -> false);
        TreeSnapshot outsideBefore = TreeSnapshot.of(fixture.outsideDir(), p -> false);
        TreeSnapshot toolBefore = TreeSnapshot.of(subject.module().dir(), p -> p.equals("target"));
        UUID runId = UUID.randomUUID();
        ProcessResult run = subject.make("analyze", Map.of("REPO_PATH", fixture.dir().toString(),
                "RUN_ID", runId.toString(), "OUTPUT_PATH", out.toString()), subject.options().processTimeout());
        List<String> confinement = new ArrayList<>();
        repoBefore.changesTo(TreeSnapshot.of(fixture.dir(), p -> false))
                .forEach(c -> confinement.add("repository: " + c));
        outsideBefore.changesTo(TreeSnapshot.of(fixture.outsideDir(), p -> false))
                .forEach(c -> confinement.add("outside the repository: " + c));
        toolBefore.changesTo(TreeSnapshot.of(subject.module().dir(), p -> p.equals("target")))
                .forEach(c -> confinement.add("tool folder (make's working folder): " + c));
        confinement.addAll(strayOutputs(out, name));
        confinement.addAll(subject.strayWrites());

        List<CheckResult> results = new ArrayList<>();
        String command = "make analyze REPO_PATH=<fixture> RUN_ID=<uuid> OUTPUT_PATH=<dir> (COMMIT=HEAD): "
                + run.describe();
        Path toolDir = out.resolve(name);
        Path outputFile = toolDir.resolve("output.json");
        Path metadataFile = toolDir.resolve("metadata.json");
        JsonNode output = null;
        JsonNode metadata = null;
        byte[] outputBytes = null;
        String problem = null;
        if (run.timedOut() || run.exitStatus() != 0) {
            problem = "make analyze fails (" + run.describe() + "): " + run.stderrTail(STDERR_EVIDENCE);
        } else if (!Files.isRegularFile(outputFile) || !Files.isRegularFile(metadataFile)) {
            problem = "make analyze wrote no " + (Files.isRegularFile(outputFile) ? "metadata.json" : "output.json")
                    + " in OUTPUT_PATH/" + name;
        } else {
            try {
                outputBytes = Files.readAllBytes(outputFile);
                output = Json.parse(outputBytes, "output.json");
                metadata = Json.read(metadataFile);
            } catch (IOException | InvalidJsonException e) {
                problem = "the artifact is not readable JSON: " + e.getMessage();
            }
        }
        if (problem != null) {
            results.add(CheckResult.fail(CheckId.ANALYSIS_RUN, problem, List.of(command)));
            checks.subList(1, checks.size() - 1).forEach(c -> results.add(CheckResult.skip(c,
                    "no artifact to check (see output.run)")));
            results.add(confinement(confinement));
            return results;
        }
        String schemaVersion = output.path("metadata").path("schema_version").asString("");
        if (subject.schemaVersion() == null && !schemaVersion.isEmpty()) {
            subject.schemaVersion(schemaVersion);
        }
        results.add(CheckResult.pass(CheckId.ANALYSIS_RUN, "make analyze wrote output.json and metadata.json",
                List.of(command, "files_analyzed " + output.path("metadata").path("files_analyzed").asString("?"))));
        results.add(envelope(output));
        results.add(toolSchema(subject, output));
        results.add(metadata(name, runId, fixture, output, metadata, outputBytes));
        results.add(commit(fixture, output, metadata));
        results.add(pathRules(output, subject.schema() == null ? Set.of() : subject.schema().pathFields()));
        results.add(absolutePaths(subject, fixture, out, output, metadata));
        results.add(errors(output, metadata));
        results.add(symlinks(output));
        results.add(confinement(confinement));
        return results;
    }

    private static List<String> strayOutputs(Path out, String name) {
        List<String> stray = new ArrayList<>();
        try (Stream<Path> entries = Files.list(out)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(name)).sorted()
                    .forEach(n -> stray.add("output folder: " + n + " (only " + name + "/ may be written)"));
        } catch (IOException e) {
            stray.add("output folder unreadable: " + e.getMessage());
        }
        Path toolDir = out.resolve(name);
        TreeSnapshot.of(toolDir, p -> p.equals("logs")).entries().keySet().stream()
                .filter(p -> !p.equals("output.json") && !p.equals("metadata.json"))
                .forEach(p -> stray.add("tool output folder: " + p + " (only output.json, metadata.json and logs/)"));
        return stray;
    }

    private static CheckResult confinement(List<String> changes) {
        if (!changes.isEmpty()) {
            return CheckResult.fail(CheckId.CONFINED_WRITES, "the tool wrote outside {output}/{tool}/: "
                    + changes.get(0) + (changes.size() > 1 ? " (+" + (changes.size() - 1) + " more)" : ""),
                    changes.stream().limit(MAX_EVIDENCE).toList());
        }
        return CheckResult.pass(CheckId.CONFINED_WRITES, "repository, folder outside it, tool folder and output "
                + "folder hold no other change", List.of());
    }

    private static CheckResult envelope(JsonNode output) {
        List<SchemaProblem> problems = SchemaValidator.shared().validate(VulcanSchemas.ENVELOPE, output);
        if (!problems.isEmpty()) {
            return CheckResult.fail(CheckId.ENVELOPE_SCHEMA, "output.json does not validate against "
                    + VulcanSchemas.ENVELOPE + ": " + problems.get(0), evidence(problems));
        }
        return CheckResult.pass(CheckId.ENVELOPE_SCHEMA, "valid against " + VulcanSchemas.ENVELOPE, List.of());
    }

    private static CheckResult toolSchema(Subject subject, JsonNode output) {
        ToolSchema schema = subject.schema();
        if (schema == null) {
            return CheckResult.skip(CheckId.TOOL_SCHEMA, "no usable output schema (see structure.output_schema)");
        }
        JsonNode data = output.get("data");
        if (data == null) {
            return CheckResult.fail(CheckId.TOOL_SCHEMA, "output.json has no data", List.of());
        }
        List<SchemaProblem> problems = schema.validate(data);
        if (!problems.isEmpty()) {
            return CheckResult.fail(CheckId.TOOL_SCHEMA, "output.json data does not validate against "
                    + "schemas/output.schema.json: " + problems.get(0), evidence(problems));
        }
        return CheckResult.pass(CheckId.TOOL_SCHEMA, "data valid against schemas/output.schema.json", List.of());
    }

    private static CheckResult metadata(String name, UUID runId, FixtureRepository fixture, JsonNode output,
            JsonNode metadata, byte[] outputBytes) {
        List<SchemaProblem> problems = SchemaValidator.shared().validate(VulcanSchemas.EXECUTION_METADATA, metadata);
        if (!problems.isEmpty()) {
            return CheckResult.fail(CheckId.METADATA, "metadata.json does not validate against "
                    + VulcanSchemas.EXECUTION_METADATA + ": " + problems.get(0), evidence(problems));
        }
        List<String> wrong = new ArrayList<>();
        expect(wrong, "metadata.json tool_name", metadata.path("tool_name").asString(""), name);
        expect(wrong, "metadata.json run_id", metadata.path("run_id").asString(""), runId.toString());
        expect(wrong, "metadata.json branch", metadata.path("branch").asString(""), fixture.branch());
        JsonNode env = output.path("metadata");
        for (String field : List.of("tool_name", "tool_version", "run_id", "repo_id", "branch", "commit",
                "schema_version")) {
            expect(wrong, "output.json metadata." + field + " (vs metadata.json)", env.path(field).asString(""),
                    metadata.path(field).asString(""));
        }
        String status = metadata.path("status").asString("");
        boolean hasErrors = !output.path("errors").isEmpty();
        expect(wrong, "metadata.json status", status, hasErrors ? "partial" : "success");
        JsonNode digest = metadata.path("output");
        expect(wrong, "metadata.json output.sha256", digest.path("sha256").asString(""),
                StructureChecks.sha256(outputBytes));
        expect(wrong, "metadata.json output.size_bytes", digest.path("size_bytes").asString(""),
                String.valueOf(outputBytes.length));
        if (!wrong.isEmpty()) {
            return CheckResult.fail(CheckId.METADATA, wrong.get(0), wrong);
        }
        return CheckResult.pass(CheckId.METADATA, "metadata.json is complete (tool, run, branch, commit, timestamps, "
                + "duration, status " + status + ") and records output.json's digest", List.of(
                        "duration_seconds " + metadata.path("duration_seconds").asString("?")));
    }

    private static void expect(List<String> wrong, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            wrong.add(what + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    private static CheckResult commit(FixtureRepository fixture, JsonNode output, JsonNode metadata) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> source : Map.of("output.json metadata.commit", output.path("metadata"),
                "metadata.json commit", metadata).entrySet()) {
            String commit = source.getValue().path("commit").asString("");
            if (!Commits.isFullSha(commit)) {
                wrong.add(source.getKey() + " is '" + commit + "', not the full 40-hex SHA " + fixture.headSha()
                        + " of the analyzed commit");
            } else if (!commit.equals(fixture.headSha())) {
                wrong.add(source.getKey() + " is " + commit + ", not the analyzed commit " + fixture.headSha());
            }
        }
        if (!wrong.isEmpty()) {
            wrong.sort(null);
            return CheckResult.fail(CheckId.COMMIT_SHA, wrong.get(0), wrong);
        }
        return CheckResult.pass(CheckId.COMMIT_SHA, "HEAD resolved to the full SHA " + fixture.headSha(), List.of());
    }

    private static CheckResult pathRules(JsonNode output, Set<String> schemaPathFields) {
        List<String> violations = new ArrayList<>();
        int[] checked = {0};
        for (String part : List.of("data", "errors")) {
            JsonNode node = output.get(part);
            if (node == null) {
                continue;
            }
            JsonStrings.walk(node, (pointer, field, value, isKey) -> {
                if (isKey || !(isPathField(field, pointer) || schemaPathFields.contains(field))) {
                    return;
                }
                checked[0]++;
                if (value.isEmpty() && field.equals("path") && pointer.matches(".*/directories/\\d+/path")) {
                    return;
                }
                Optional<PathRule> rule = RepoPaths.violation(value);
                rule.ifPresent(r -> violations.add("/" + part + pointer + " = '" + shorten(value) + "': " + r.description()));
            });
        }
        if (!violations.isEmpty()) {
            return CheckResult.fail(CheckId.PATH_RULES, violations.size() + " path(s) break the path rules, first "
                    + violations.get(0), violations.stream().limit(MAX_EVIDENCE).toList());
        }
        return CheckResult.pass(CheckId.PATH_RULES, checked[0] + " path field(s) obey the path rules", List.of());
    }

    static boolean isPathField(String field, String pointer) {
        if (field == null) {
            return false;
        }
        boolean arrayItem = pointer.matches(".*/\\d+");
        if (arrayItem) {
            return field.equals("paths") || field.endsWith("_paths") || field.equals("files");
        }
        return field.equals("path") || field.equals("file") || field.endsWith("_path");
    }

    private static CheckResult absolutePaths(Subject subject, FixtureRepository fixture, Path out, JsonNode output,
            JsonNode metadata) {
        Set<String> locations = new LinkedHashSet<>();
        for (Path p : List.of(fixture.dir(), fixture.outsideDir(), out, subject.sandbox(), subject.module().dir())) {
            locations.add(p.toAbsolutePath().normalize().toString());
            try {
                locations.add(p.toRealPath().toString());
            } catch (IOException e) {
                // The location is gone; its absolute form is still looked for.
            }
        }
        String home = System.getProperty("user.home", "");
        if (home.length() > 1) {
            locations.add(home);
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : Map.of("output.json", output, "metadata.json", metadata).entrySet()) {
            JsonStrings.walk(document.getValue(), (pointer, field, value, isKey) -> {
                String where = document.getKey() + " " + (isKey ? "key at " : "") + (pointer.isEmpty() ? "/" : pointer);
                absolutePathIn(value, locations).ifPresent(problem -> found.add(where + " holds " + problem));
            });
        }
        if (!found.isEmpty()) {
            found.sort(null);
            return CheckResult.fail(CheckId.NO_ABSOLUTE_PATHS, found.size() + " string(s) hold an absolute path, first: "
                    + found.get(0), found.stream().limit(MAX_EVIDENCE).toList());
        }
        return CheckResult.pass(CheckId.NO_ABSOLUTE_PATHS, "no string of output.json or metadata.json holds an "
                + "absolute path", List.of());
    }

    /**
     * Finds an absolute path in a string.
     *
     * @param value the string
     * @param locations absolute locations of the run, looked for anywhere in the string
     * @return what was found, such as {@code the absolute path '/home/u/x.py'}, or empty
     */
    static Optional<String> absolutePathIn(String value, Set<String> locations) {
        for (String location : locations) {
            if (value.contains(location)) {
                return Optional.of("the absolute location '" + shorten(value) + "'");
            }
        }
        var matcher = ABSOLUTE_WORD.matcher(value);
        if (matcher.find()) {
            return Optional.of("the absolute path '" + shorten(matcher.group(1)) + "'");
        }
        return Optional.empty();
    }

    private static CheckResult errors(JsonNode output, JsonNode metadata) {
        JsonNode errors = output.path("errors");
        List<String> wrong = new ArrayList<>();
        if (!errors.isArray()) {
            wrong.add("output.json errors is not an array");
        } else {
            for (int i = 0; i < errors.size(); i++) {
                JsonNode e = errors.get(i);
                String at = "errors/" + i;
                if (!e.path("code").isString() || !e.path("code").asString().matches("[A-Z][A-Z0-9_]*")) {
                    wrong.add(at + " has no UPPER_SNAKE code");
                }
                if (!e.path("message").isString() || e.path("message").asString().isBlank()) {
                    wrong.add(at + " has no message");
                }
                if (!e.path("recoverable").isBoolean()) {
                    wrong.add(at + " has no boolean recoverable");
                }
                if (e.has("file") && (!e.get("file").isString() || !RepoPaths.isValid(e.get("file").asString()))) {
                    wrong.add(at + " file '" + shorten(e.get("file").asString("")) + "' is not a repo-relative path");
                }
            }
            if (!errors.equals(metadata.path("errors"))) {
                wrong.add("metadata.json errors differ from output.json errors");
            }
            if (metadata.path("error_count").asInt(-1) != errors.size()) {
                wrong.add("metadata.json error_count is " + metadata.path("error_count").asString("?") + ", output.json has "
                        + errors.size() + " errors");
            }
        }
        if (!wrong.isEmpty()) {
            return CheckResult.fail(CheckId.ERRORS, wrong.get(0), wrong.stream().limit(MAX_EVIDENCE).toList());
        }
        List<String> codes = new ArrayList<>();
        errors.forEach(e -> codes.add(e.path("code").asString() + (e.has("file") ? " " + e.get("file").asString() : "")));
        return CheckResult.pass(CheckId.ERRORS, errors.size() + " well-formed error(s), agreeing with metadata.json",
                codes.stream().limit(MAX_EVIDENCE).toList());
    }

    private static CheckResult symlinks(JsonNode output) {
        List<String> followed = new ArrayList<>();
        String prefix = FixtureRepository.ESCAPING_LINK + "/";
        JsonStrings.walk(output, (pointer, field, value, isKey) -> {
            if (value.startsWith(prefix) || value.contains("outside_secret") || value.contains("not-for-the-repository")) {
                followed.add((pointer.isEmpty() ? "/" : pointer) + " = '" + shorten(value) + "'");
            }
        });
        if (!followed.isEmpty()) {
            return CheckResult.fail(CheckId.SYMLINKS_NOT_FOLLOWED, "the tool followed the symbolic link "
                    + FixtureRepository.ESCAPING_LINK + " out of the repository: " + followed.get(0),
                    followed.stream().limit(MAX_EVIDENCE).toList());
        }
        return CheckResult.pass(CheckId.SYMLINKS_NOT_FOLLOWED, "nothing reported from behind "
                + FixtureRepository.ESCAPING_LINK + " (a link to a folder outside the repository)", List.of());
    }

    private static List<String> evidence(List<SchemaProblem> problems) {
        return problems.stream().limit(MAX_EVIDENCE).map(SchemaProblem::toString).toList();
    }

    private static String shorten(String value) {
        return value.length() <= 160 ? value : value.substring(0, 160) + "…";
    }
}
