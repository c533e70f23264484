package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.CheckId;
import dev.vulcan.compliance.CheckResult;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import tools.jackson.databind.JsonNode;

/**
 * The structure checks: Makefile, documents, output schema, executable jar, service registration, tests and
 * SoT adapter. They read files only; the one process run is {@code make -p} to read the Makefile.
 */
public final class StructureChecks {

    /** The targets every tool Makefile defines (architecture proposal 4.3, tools/tool.mk). */
    public static final List<String> REQUIRED_TARGETS = List.of("setup", "analyze", "evaluate", "validate", "test",
            "clean");
    /** The input variables every tool Makefile defines. */
    public static final List<String> INPUT_VARIABLES = List.of("REPO_PATH", "BRANCH", "COMMIT", "RUN_ID",
            "OUTPUT_PATH", "CONFIG_FILE");

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private StructureChecks() {
    }

    /**
     * Runs the checks that need no executable jar and no run.
     *
     * @param subject the tool
     * @return the results, in check order
     */
    public static List<CheckResult> beforeRuns(Subject subject) {
        List<CheckResult> results = new ArrayList<>();
        results.addAll(makefile(subject));
        results.add(document(subject, CheckId.README, "README.md"));
        results.add(document(subject, CheckId.EVAL_STRATEGY, "EVAL_STRATEGY.md"));
        results.add(outputSchema(subject));
        results.add(toolJar(subject));
        results.add(schemaPackaged(subject));
        results.add(serviceRegistration(subject));
        results.add(tests(subject));
        return results;
    }

    /**
     * Checks the SoT adapter for the schema version the tool reported in a run, else the version in its
     * {@code --version} banner.
     *
     * @param subject the tool
     * @return the result
     */
    public static CheckResult sotAdapter(Subject subject) {
        String version = subject.schemaVersion();
        if (version == null) {
            return CheckResult.skip(CheckId.SOT_ADAPTER, "the tool's schema_version is unknown: no run produced an "
                    + "artifact (see input.config_valid)");
        }
        String name = subject.module().name();
        SotAdapterIndex.Lookup lookup = subject.sotAdapters().find(name, version);
        if (!lookup.available()) {
            return CheckResult.skip(CheckId.SOT_ADAPTER, "cannot ask the SoT engine: " + lookup.detail());
        }
        if (!lookup.found()) {
            return CheckResult.fail(CheckId.SOT_ADAPTER, "vulcan-sot registers no adapter for " + name
                    + " schema_version " + version + " (R5: add a " + name + "/v" + major(version)
                    + " adapter to the engine)", List.of(lookup.detail()));
        }
        return CheckResult.pass(CheckId.SOT_ADAPTER, "vulcan-sot lands " + name + " " + version + " with adapter "
                + lookup.adapterName(), List.of(lookup.detail()));
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static List<CheckResult> makefile(Subject subject) {
        Path makefile = subject.module().makefile();
        if (!Files.isRegularFile(makefile)) {
            String message = "Makefile is missing";
            return List.of(CheckResult.fail(CheckId.MAKEFILE_TARGETS, message, List.of()),
                    CheckResult.fail(CheckId.MAKEFILE_VARIABLES, message, List.of()));
        }
        MakefileDatabase db;
        try {
            db = MakefileDatabase.read(subject.runner(), makefile, subject.options().processTimeout());
        } catch (MakefileDatabase.MakefileException e) {
            return List.of(CheckResult.fail(CheckId.MAKEFILE_TARGETS, e.getMessage(), List.of()),
                    CheckResult.fail(CheckId.MAKEFILE_VARIABLES, e.getMessage(), List.of()));
        }
        List<String> evidence = List.of("read with: make -p -n -q -r -R -f Makefile " + MakefileDatabase.PROBE_TARGET,
                "targets: " + String.join(" ", db.targets().keySet().stream().filter(t -> !t.startsWith("/")).toList()));
        List<String> missing = REQUIRED_TARGETS.stream().filter(t -> db.target(t).isEmpty()).toList();
        List<String> empty = REQUIRED_TARGETS.stream()
                .filter(t -> db.target(t).map(x -> !x.doesSomething()).orElse(false)).toList();
        CheckResult targets;
        if (!missing.isEmpty()) {
            targets = CheckResult.fail(CheckId.MAKEFILE_TARGETS, "Makefile does not define required target(s): "
                    + String.join(", ", missing), evidence);
        } else if (!empty.isEmpty()) {
            targets = CheckResult.fail(CheckId.MAKEFILE_TARGETS, "Makefile target(s) with neither recipe nor "
                    + "prerequisites: " + String.join(", ", empty), evidence);
        } else {
            targets = CheckResult.pass(CheckId.MAKEFILE_TARGETS, "Makefile defines " + String.join(", ", REQUIRED_TARGETS),
                    evidence);
        }

        String name = subject.module().name();
        String toolName = db.variables().get("TOOL_NAME");
        List<String> missingVars = INPUT_VARIABLES.stream().filter(v -> !db.variables().containsKey(v)).toList();
        CheckResult variables;
        if (toolName == null) {
            variables = CheckResult.fail(CheckId.MAKEFILE_VARIABLES, "Makefile does not set TOOL_NAME", List.of());
        } else if (!toolName.equals(name)) {
            variables = CheckResult.fail(CheckId.MAKEFILE_VARIABLES, "Makefile sets TOOL_NAME '" + toolName
                    + "', expected the folder name '" + name + "'", List.of());
        } else if (!missingVars.isEmpty()) {
            variables = CheckResult.fail(CheckId.MAKEFILE_VARIABLES, "Makefile does not define input variable(s): "
                    + String.join(", ", missingVars), List.of());
        } else {
            variables = CheckResult.pass(CheckId.MAKEFILE_VARIABLES, "TOOL_NAME := " + name + "; defines "
                    + String.join(", ", INPUT_VARIABLES), List.of());
        }
        return List.of(targets, variables);
    }

    private static CheckResult document(Subject subject, CheckId check, String fileName) {
        Path file = subject.module().dir().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return CheckResult.fail(check, fileName + " is missing", List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return CheckResult.fail(check, fileName + " cannot be read as UTF-8: " + e.getMessage(), List.of());
        }
        boolean heading = lines.stream().anyMatch(l -> l.startsWith("#"));
        long text = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        if (!heading || text == 0) {
            return CheckResult.fail(check, fileName + " has no Markdown heading or no text", List.of(lines.size() + " lines"));
        }
        return CheckResult.pass(check, fileName + " documents the tool", List.of(lines.size() + " lines"));
    }

    private static CheckResult outputSchema(Subject subject) {
        Path file = subject.module().schemaFile();
        if (!Files.isRegularFile(file)) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json is missing", List.of());
        }
        JsonNode schema;
        try {
            schema = Json.read(file);
        } catch (InvalidJsonException e) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json is not JSON: " + e.getMessage(),
                    List.of());
        }
        String expectedId = VulcanSchemas.toolOutput(subject.module().name());
        String declared = schema.path("$schema").asString("");
        if (!DRAFT_2020_12.equals(declared)) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json declares $schema '" + declared
                    + "', expected '" + DRAFT_2020_12 + "'", List.of());
        }
        List<SchemaProblem> problems = SchemaValidator.shared().validateSchema(schema);
        if (!problems.isEmpty()) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json is not a valid draft 2020-12 "
                    + "schema", problems.stream().map(SchemaProblem::toString).limit(20).toList());
        }
        String id = schema.path("$id").asString("");
        if (!expectedId.equals(id)) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json has $id '" + id + "', expected '"
                    + expectedId + "'", List.of());
        }
        try {
            subject.schema(ToolSchema.compile(expectedId, schema));
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(CheckId.OUTPUT_SCHEMA, "schemas/output.schema.json cannot be compiled: "
                    + e.getMessage(), List.of());
        }
        return CheckResult.pass(CheckId.OUTPUT_SCHEMA, "valid draft 2020-12 schema " + expectedId,
                List.of("sha256 " + sha256(file)));
    }

    private static CheckResult toolJar(Subject subject) {
        Path jar = subject.module().jar();
        String rel = relative(subject, jar);
        if (!Files.isRegularFile(jar)) {
            return CheckResult.fail(CheckId.TOOL_JAR, rel + " is missing: build it with make -C tools/"
                    + subject.module().name() + " setup", List.of());
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                return CheckResult.fail(CheckId.TOOL_JAR, rel + " names no Main-Class in its manifest", List.of());
            }
            subject.jarUsable(true);
            return CheckResult.pass(CheckId.TOOL_JAR, rel + " runs " + main, List.of(Files.size(jar) + " bytes"));
        } catch (IOException e) {
            return CheckResult.fail(CheckId.TOOL_JAR, rel + " is not a readable jar: " + e.getMessage(), List.of());
        }
    }

    private static CheckResult schemaPackaged(Subject subject) {
        Path file = subject.module().schemaFile();
        Path jar = subject.module().jar();
        if (!Files.isRegularFile(file)) {
            return CheckResult.skip(CheckId.SCHEMA_PACKAGED, "no schemas/output.schema.json to compare");
        }
        if (!subject.jarUsable()) {
            return CheckResult.skip(CheckId.SCHEMA_PACKAGED, "no usable executable jar (see structure.tool_jar)");
        }
        String entryName = subject.module().packagedSchemaEntry();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            ZipEntry entry = jarFile.getEntry(entryName);
            if (entry == null) {
                return CheckResult.fail(CheckId.SCHEMA_PACKAGED, "the jar has no " + entryName, List.of());
            }
            byte[] packaged;
            try (var in = jarFile.getInputStream(entry)) {
                packaged = in.readAllBytes();
            }
            byte[] source = Files.readAllBytes(file);
            List<String> evidence = List.of("schemas/output.schema.json sha256 " + sha256(source),
                    "jar " + entryName + " sha256 " + sha256(packaged));
            if (!Arrays.equals(source, packaged)) {
                return CheckResult.fail(CheckId.SCHEMA_PACKAGED, "the jar's " + entryName
                        + " differs from schemas/output.schema.json (rebuild the jar with make setup)", evidence);
            }
            return CheckResult.pass(CheckId.SCHEMA_PACKAGED, "the packaged schema is identical", evidence);
        } catch (IOException e) {
            return CheckResult.fail(CheckId.SCHEMA_PACKAGED, "cannot read " + entryName + ": " + e.getMessage(), List.of());
        }
    }

    private static CheckResult serviceRegistration(Subject subject) {
        Path services = subject.module().dir().resolve("src/main/resources").resolve(ToolModule.SERVICES_ENTRY);
        if (!Files.isRegularFile(services)) {
            return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "src/main/resources/" + ToolModule.SERVICES_ENTRY
                    + " is missing", List.of());
        }
        List<String> classes;
        try {
            classes = serviceClasses(Files.readString(services, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "cannot read the services file: " + e.getMessage(),
                    List.of());
        }
        if (classes.isEmpty()) {
            return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "the services file names no class", List.of());
        }
        Path sources = subject.module().dir().resolve("src/main/java");
        List<String> noSource = classes.stream()
                .filter(c -> !Files.isRegularFile(sources.resolve(c.replace('.', '/') + ".java"))).toList();
        if (!noSource.isEmpty()) {
            return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "the services file names class(es) without source "
                    + "in src/main/java: " + String.join(", ", noSource), List.of());
        }
        List<String> evidence = new ArrayList<>(List.of("registered: " + String.join(", ", classes)));
        if (subject.jarUsable()) {
            try (JarFile jar = new JarFile(subject.module().jar().toFile())) {
                ZipEntry entry = jar.getEntry(ToolModule.SERVICES_ENTRY);
                List<String> inJar;
                try (var in = entry == null ? null : jar.getInputStream(entry)) {
                    inJar = in == null ? List.of() : serviceClasses(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                List<String> absent = classes.stream()
                        .filter(c -> !inJar.contains(c) || jar.getEntry(c.replace('.', '/') + ".class") == null).toList();
                if (!absent.isEmpty()) {
                    return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "the jar does not register or contain: "
                            + String.join(", ", absent) + " (rebuild the jar with make setup)", evidence);
                }
                evidence.add("the jar registers and contains them");
            } catch (IOException e) {
                return CheckResult.fail(CheckId.SERVICE_REGISTRATION, "cannot read the jar: " + e.getMessage(), evidence);
            }
        }
        return CheckResult.pass(CheckId.SERVICE_REGISTRATION, "registered as a dev.vulcan.core.tool.Tool service",
                evidence);
    }

    private static List<String> serviceClasses(String text) {
        return text.lines().map(l -> {
            int hash = l.indexOf('#');
            return (hash >= 0 ? l.substring(0, hash) : l).strip();
        }).filter(l -> !l.isEmpty()).toList();
    }

    private static CheckResult tests(Subject subject) {
        Path tests = subject.module().dir().resolve("src/test/java");
        if (!Files.isDirectory(tests)) {
            return CheckResult.fail(CheckId.TESTS, "src/test/java is missing", List.of());
        }
        List<String> testFiles;
        try (Stream<Path> files = Files.walk(tests)) {
            testFiles = files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(StructureChecks::hasTestAnnotation)
                    .map(p -> tests.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return CheckResult.fail(CheckId.TESTS, "cannot read src/test/java: " + e.getMessage(), List.of());
        }
        if (testFiles.isEmpty()) {
            return CheckResult.fail(CheckId.TESTS, "src/test/java holds no JUnit test (no @Test method)", List.of());
        }
        return CheckResult.pass(CheckId.TESTS, testFiles.size() + " test class(es)",
                testFiles.stream().limit(20).toList());
    }

    private static boolean hasTestAnnotation(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("@Test") || text.contains("@ParameterizedTest");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String relative(Subject subject, Path path) {
        return subject.module().dir().relativize(path).toString().replace('\\', '/');
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
