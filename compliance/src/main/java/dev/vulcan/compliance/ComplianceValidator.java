package dev.vulcan.compliance;

import dev.vulcan.compliance.internal.EvaluationChecks;
import dev.vulcan.compliance.internal.InputChecks;
import dev.vulcan.compliance.internal.IsolationChecks;
import dev.vulcan.compliance.internal.OutputChecks;
import dev.vulcan.compliance.internal.SotAdapterIndex;
import dev.vulcan.compliance.internal.StructureChecks;
import dev.vulcan.compliance.internal.Subject;
import dev.vulcan.compliance.internal.ToolModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The tool compliance validator (architecture proposal 4.6, 4.7, Appendix C): checks every tool module under
 * {@code ROOT/tools/} (or one) and returns a {@link ComplianceReport}.
 *
 * <p>For each tool, in this order: the structure checks (files, Makefile read through make, schema, jar,
 * service registration, tests), the input contract (the jar run as a real process on a fixture git
 * repository the validator builds with JGit), the output contract ({@code make analyze}, with
 * {@link ValidationOptions#runAnalysis()}), isolation (the pom's dependencies and the jar's embedded
 * artifacts), the evaluation ({@code make evaluate}, with {@link ValidationOptions#runEvaluate()}), and the SoT
 * adapter for the schema version the tool reported. Tools are validated in parallel
 * ({@link ValidationOptions#parallelism()}); each one works in a scratch folder of its own, deleted at the end.
 * The validator never builds a tool: a missing jar fails {@code structure.tool_jar} and the checks needing it
 * are skipped.
 */
public final class ComplianceValidator {

    private ComplianceValidator() {
    }

    /**
     * Validates the tools.
     *
     * @param options what to check
     * @return the report, tools in name order
     * @throws IllegalArgumentException if the root has no {@code tools/} folder or no readable {@code pom.xml}
     *     version, or the requested tool does not exist
     * @throws UncheckedIOException if the scratch folder cannot be created
     */
    public static ComplianceReport validate(ValidationOptions options) {
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        Path root = options.root().toAbsolutePath().normalize();
        List<ToolModule> modules = modules(root, options);
        Path scratch;
        try {
            scratch = options.workDir() == null ? Files.createTempDirectory("vulcan-compliance-")
                    : Files.createDirectories(options.workDir()).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder: " + e, e);
        }
        List<ToolReport> reports = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), Math.max(1, modules.size())));
        try (SotAdapterIndex sot = SotAdapterIndex.fromBuild(root, projectVersion(root))) {
            List<Future<ToolReport>> futures = new ArrayList<>();
            for (ToolModule module : modules) {
                Path sandbox = scratch.resolve(module.name());
                if (Files.exists(sandbox)) {
                    throw new IllegalArgumentException("the work folder already holds " + sandbox
                            + "; give an empty --work-dir");
                }
                futures.add(pool.submit(() -> validateTool(module, options, sandbox, sot)));
            }
            for (Future<ToolReport> future : futures) {
                reports.add(join(future));
            }
        } finally {
            pool.shutdownNow();
            if (options.workDir() == null) {
                deleteTree(scratch);
            }
        }
        reports.sort(Comparator.comparing(ToolReport::toolName));
        return new ComplianceReport(Instant.now(), options.runAnalysis(), options.runEvaluate(), reports,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Lists the tool modules under a root: the folders of {@code tools/} holding a {@code pom.xml} or a
     * {@code Makefile}.
     *
     * @param root the project root
     * @return the tool names, sorted
     * @throws IllegalArgumentException if the root has no {@code tools/} folder
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public static List<String> toolNames(Path root) {
        Path tools = Objects.requireNonNull(root, "root").resolve("tools");
        if (!Files.isDirectory(tools)) {
            throw new IllegalArgumentException("no tools/ folder under " + root);
        }
        try (Stream<Path> entries = Files.list(tools)) {
            return entries.filter(Files::isDirectory)
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")) || Files.isRegularFile(d.resolve("Makefile")))
                    .map(d -> d.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tools + ": " + e, e);
        }
    }

    private static List<ToolModule> modules(Path root, ValidationOptions options) {
        List<String> names = toolNames(root);
        String version = projectVersion(root);
        if (options.tool().isPresent()) {
            String name = options.tool().get();
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no tool module tools/" + name + " under " + root + " (modules: "
                        + String.join(", ", names) + ")");
            }
            names = List.of(name);
        }
        return names.stream().map(n -> new ToolModule(n, root.resolve("tools").resolve(n), version)).toList();
    }

    private static ToolReport validateTool(ToolModule module, ValidationOptions options, Path sandbox,
            SotAdapterIndex sot) {
        long start = System.nanoTime();
        Subject subject = new Subject(module, options, sandbox, sot);
        List<CheckResult> results = new ArrayList<>();
        // The structure checks always run: they find the jar and compile the schema the other groups need.
        List<CheckResult> structure = new ArrayList<>();
        runGroup(structure, options.withGroups(EnumSet.allOf(CheckGroup.class)), CheckGroup.STRUCTURE,
                () -> StructureChecks.beforeRuns(subject),
                List.of(CheckId.MAKEFILE_TARGETS, CheckId.MAKEFILE_VARIABLES, CheckId.README, CheckId.EVAL_STRATEGY,
                        CheckId.OUTPUT_SCHEMA, CheckId.TOOL_JAR, CheckId.SCHEMA_PACKAGED, CheckId.SERVICE_REGISTRATION,
                        CheckId.TESTS));
        structure.forEach(r -> results.add(options.groups().contains(CheckGroup.STRUCTURE) ? r
                : CheckResult.skip(r.check(), "check group structure not selected")));
        runGroup(results, options, CheckGroup.INPUT, () -> InputChecks.run(subject),
                List.of(CheckId.HELP, CheckId.CONFIG_VALID, CheckId.CONFIG_UNKNOWN_FIELD, CheckId.CONFIG_WRONG_MAJOR,
                        CheckId.MISSING_REQUIRED_ARG,
                        CheckId.CLI_OVERRIDES_CONFIG));
        runGroup(results, options, CheckGroup.OUTPUT, () -> OutputChecks.run(subject),
                List.of(CheckId.ANALYSIS_RUN, CheckId.ENVELOPE_SCHEMA, CheckId.TOOL_SCHEMA, CheckId.METADATA,
                        CheckId.COMMIT_SHA, CheckId.PATH_RULES, CheckId.NO_ABSOLUTE_PATHS, CheckId.ERRORS,
                        CheckId.SYMLINKS_NOT_FOLLOWED, CheckId.CONFINED_WRITES));
        runGroup(results, options, CheckGroup.ISOLATION, () -> List.of(IsolationChecks.run(subject)),
                List.of(CheckId.DEPENDENCIES));
        runGroup(results, options, CheckGroup.EVALUATE, () -> List.of(EvaluationChecks.run(subject)),
                List.of(CheckId.SCORECARD));
        runGroup(results, options, CheckGroup.STRUCTURE, () -> List.of(StructureChecks.sotAdapter(subject)),
                List.of(CheckId.SOT_ADAPTER));
        results.sort(Comparator.comparing(CheckResult::check));
        return new ToolReport(module.name(), results, (System.nanoTime() - start) / 1_000_000);
    }

    private static void runGroup(List<CheckResult> results, ValidationOptions options, CheckGroup group,
            java.util.function.Supplier<List<CheckResult>> checks, List<CheckId> ids) {
        if (!options.groups().contains(group)) {
            ids.forEach(id -> results.add(CheckResult.skip(id, "check group " + group.code() + " not selected")));
            return;
        }
        try {
            results.addAll(checks.get());
        } catch (RuntimeException e) {
            // A broken tool must never stop the validation of the others: the group's checks fail with the cause.
            ids.forEach(id -> results.add(CheckResult.fail(id, "the check could not run: " + e,
                    List.of(e.getClass().getName()))));
        }
    }

    private static ToolReport join(Future<ToolReport> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating tools", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("tool validation failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Returns the project version, the {@code <version>} of the root {@code pom.xml}.
     *
     * @param root the project root
     * @return the version
     * @throws IllegalArgumentException if the pom is missing or has no version
     */
    static String projectVersion(Path root) {
        Path pom = root.resolve("pom.xml");
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("version".equals(n.getNodeName())) {
                    return n.getTextContent().strip();
                }
            }
            throw new IllegalArgumentException(pom + " has no <version>");
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("cannot read the project version from " + pom + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The scratch folder is in the temp folder; a leftover does not change any result.
        }
    }
}
