package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tool under validation and what the checks learn about it along the way: its module, a private scratch
 * folder (the "sandbox"), the process runner, the fixture repository (built on first use) and facts shared
 * between check groups (the compiled schema, whether the jar is usable, the schema version it reports).
 */
public final class Subject {

    /**
     * The JVM options of every tool process the validator starts: a 1 GiB heap, and the client compiler with
     * the serial collector, which start a short-lived JVM with about a third less CPU (tool runs on the fixture
     * last a second or two) without changing what the tool computes.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final ToolModule module;
    private final ValidationOptions options;
    private final Path sandbox;
    private final ProcessRunner runner;
    private final SotAdapterIndex sotAdapters;
    private FixtureRepository fixture;
    private ToolSchema schema;
    private boolean jarUsable;
    private String schemaVersion;
    private final List<String> strayWrites = new ArrayList<>();

    /**
     * Creates the subject.
     *
     * @param module the tool module
     * @param options the validation options
     * @param sandbox an empty folder of the validator's own for this tool
     * @param sotAdapters where SoT adapters are looked up
     * @throws UncheckedIOException if the sandbox cannot be prepared
     */
    public Subject(ToolModule module, ValidationOptions options, Path sandbox, SotAdapterIndex sotAdapters) {
        this.module = Objects.requireNonNull(module, "module");
        this.options = Objects.requireNonNull(options, "options");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox").toAbsolutePath().normalize();
        this.sotAdapters = Objects.requireNonNull(sotAdapters, "sotAdapters");
        try {
            Files.createDirectories(this.sandbox.resolve("scratch"));
            Files.createDirectories(this.sandbox.resolve("jvm-tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + this.sandbox + ": " + e, e);
        }
        this.runner = new ProcessRunner(this.sandbox.resolve("scratch"));
    }

    /**
     * Returns the tool module.
     *
     * @return the module
     */
    public ToolModule module() {
        return module;
    }

    /**
     * Returns the validation options.
     *
     * @return the options
     */
    public ValidationOptions options() {
        return options;
    }

    /**
     * Returns the process runner.
     *
     * @return the runner
     */
    public ProcessRunner runner() {
        return runner;
    }

    /**
     * Returns the index of SoT adapters.
     *
     * @return the index
     */
    public SotAdapterIndex sotAdapters() {
        return sotAdapters;
    }

    /**
     * Returns a new, empty folder in the sandbox.
     *
     * @param name its name
     * @return the folder, absolute
     * @throws UncheckedIOException if it cannot be created
     */
    public Path folder(String name) {
        Path dir = sandbox.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e, e);
        }
        return dir;
    }

    /**
     * Returns a path in the sandbox, not created.
     *
     * @param name its name
     * @return the path, absolute
     */
    public Path path(String name) {
        return sandbox.resolve(name);
    }

    /**
     * Returns the sandbox folder.
     *
     * @return the folder, absolute
     */
    public Path sandbox() {
        return sandbox;
    }

    /**
     * Returns the fixture repository, built on first use in the sandbox.
     *
     * @return the repository
     */
    public synchronized FixtureRepository fixture() {
        if (fixture == null) {
            fixture = FixtureRepository.build(folder("fixture"));
        }
        return fixture;
    }

    /**
     * Runs the tool's executable jar with the validator's own Java, {@link #JVM_OPTIONS} and the JVM temp
     * folder in the sandbox.
     *
     * @param args the tool's arguments
     * @param workingDir the working folder
     * @return how it ended
     */
    public ProcessResult runJar(List<String> args, Path workingDir) {
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Djava.io.tmpdir=" + sandbox.resolve("jvm-tmp"), "-jar",
                module.jar().toAbsolutePath().toString()));
        command.addAll(args);
        return runner.run(command, workingDir, Map.of(), options.processTimeout());
    }

    /**
     * Runs a target of the tool's Makefile with {@code make -s -C TOOL_DIR}, the given variables on make's
     * command line, the validator's own Java, and a minimal environment.
     *
     * @param target the target
     * @param variables make variables, such as {@code REPO_PATH}
     * @param timeout the time limit
     * @return how it ended
     */
    public ProcessResult make(String target, Map<String, String> variables, Duration timeout) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("JAVA", javaCommand());
        vars.put("JAVA_OPTS", String.join(" ", JVM_OPTIONS) + " -Djava.io.tmpdir=" + sandbox.resolve("jvm-tmp"));
        vars.putAll(variables);
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", module.dir().toAbsolutePath().toString(),
                target));
        vars.forEach((k, v) -> command.add(k + "=" + v));
        return runner.runClean(command, module.dir(), Map.of(), timeout);
    }

    /**
     * Returns the tool's compiled output schema, if {@code structure.output_schema} could compile it.
     *
     * @return the schema, or null
     */
    public synchronized ToolSchema schema() {
        return schema;
    }

    synchronized void schema(ToolSchema value) {
        this.schema = value;
    }

    /**
     * Tells whether the executable jar exists and is readable.
     *
     * @return true when the jar can be run
     */
    public synchronized boolean jarUsable() {
        return jarUsable;
    }

    synchronized void jarUsable(boolean value) {
        this.jarUsable = value;
    }

    /**
     * Returns the schema version the tool reported in an artifact, if a run produced one.
     *
     * @return the version, or null
     */
    public synchronized String schemaVersion() {
        return schemaVersion;
    }

    synchronized void schemaVersion(String value) {
        this.schemaVersion = value;
    }

    /**
     * Records writes outside the output folder seen by a check group other than the output contract's.
     *
     * @param changes one line per change, such as {@code input runs' working folder: added cache.bin}
     */
    public synchronized void strayWrites(List<String> changes) {
        strayWrites.addAll(changes);
    }

    /**
     * Returns the writes outside the output folder recorded so far.
     *
     * @return the changes
     */
    public synchronized List<String> strayWrites() {
        return List.copyOf(strayWrites);
    }

    /**
     * Returns the path of the Java launcher running the validator.
     *
     * @return {@code java.home/bin/java}
     */
    public static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
