package dev.vulcan.compliance;

import dev.vulcan.compliance.testtool.FixtureTool;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds project roots for the validator tests: {@code ROOT/pom.xml} (the project version),
 * {@code ROOT/tools/tool.mk} (the real one of this repository) and one tool module per fixture.
 *
 * <p>A fixture is the folder {@code testdata/base} overlaid with {@code testdata/NAME}; {@code @TOOL_NAME@} in
 * text files becomes the fixture's name. {@code testdata/NAME/fixture.properties} says how the fixture breaks
 * its one rule:
 * <ul>
 *   <li>{@code mode}: the {@link FixtureTool.Mode} of the packaged fixture tool (default GOOD);</li>
 *   <li>{@code jar}: whether to build the executable jar (default true);</li>
 *   <li>{@code packaged_schema}: a file of the fixture folder packaged as the tool's schema in the jar instead
 *       of {@code schemas/output.schema.json};</li>
 *   <li>{@code embed_artifacts}: {@code group:artifact} list recorded in the jar as embedded
 *       ({@code META-INF/maven/G/A/pom.properties}, as the shade plugin does).</li>
 * </ul>
 * The jar is built at test time: the fixture tool's classes from this module's test classes, the fixture's
 * services file and schema, {@code fixture-tool.properties}, and a manifest whose {@code Class-Path} names the
 * test class path's libraries (vulcan-core and what it needs), so {@code java -jar} runs it like a shaded jar.
 * The fixture tool's sources are copied into the module's {@code src/main/java} so that the module looks like
 * a real one.
 */
final class FixtureRoots {

    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String TESTTOOL = "dev/vulcan/compliance/testtool/";
    private static final Set<String> CONTROL_FILES = Set.of("fixture.properties");

    private FixtureRoots() {
    }

    /**
     * Creates a project root holding the named fixtures as tool modules.
     *
     * @param dir an empty folder
     * @param fixtures fixture names (folders of testdata)
     * @return the root
     */
    static Path create(Path dir, String... fixtures) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pom.xml"), "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <version>"
                    + VERSION + "</version>\n</project>\n");
            Path tools = Files.createDirectories(dir.resolve("tools"));
            Path toolMk = Path.of("..", "tools", "tool.mk");
            if (!Files.isRegularFile(toolMk)) {
                throw new IllegalStateException("the tests need the repository's tools/tool.mk at " + toolMk.toAbsolutePath());
            }
            Files.copy(toolMk, tools.resolve("tool.mk"));
            for (String fixture : fixtures) {
                module(tools, fixture);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void module(Path tools, String name) throws IOException {
        Path module = Files.createDirectories(tools.resolve(name));
        Path testdata = testdata();
        copyTree(testdata.resolve("base"), module, name, Set.of());
        Path fixtureDir = testdata.resolve(name);
        Properties props = new Properties();
        Path propsFile = fixtureDir.resolve("fixture.properties");
        if (Files.isRegularFile(propsFile)) {
            try (var in = Files.newInputStream(propsFile)) {
                props.load(in);
            }
        }
        Set<String> skip = new java.util.HashSet<>(CONTROL_FILES);
        if (props.containsKey("packaged_schema")) {
            skip.add(props.getProperty("packaged_schema"));
        }
        copyTree(fixtureDir, module, name, skip);
        Path sources = Files.createDirectories(module.resolve("src/main/java/" + TESTTOOL));
        for (String source : List.of("FixtureTool.java", "FixtureToolMain.java", "FixtureEvaluation.java")) {
            Files.copy(Path.of("src/test/java/" + TESTTOOL + source), sources.resolve(source));
        }
        if (Boolean.parseBoolean(props.getProperty("jar", "true"))) {
            Path schema = props.containsKey("packaged_schema")
                    ? fixtureDir.resolve(props.getProperty("packaged_schema"))
                    : module.resolve("schemas/output.schema.json");
            buildJar(module, name, props.getProperty("mode", "GOOD"), substitute(Files.readString(schema), name),
                    props.getProperty("embed_artifacts", ""));
        }
    }

    private static void buildJar(Path module, String name, String mode, String schema, String embedded)
            throws IOException {
        Path jar = Files.createDirectories(module.resolve("target"))
                .resolve("vulcan-tool-" + name + "-" + VERSION + "-all.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.vulcan.compliance.testtool.FixtureToolMain");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, libraryClassPath());
        Path testClasses = location(FixtureTool.class);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            try (Stream<Path> classes = Files.list(testClasses.resolve(TESTTOOL))) {
                for (Path c : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    entry(out, TESTTOOL + c.getFileName(), Files.readAllBytes(c));
                }
            }
            entry(out, "META-INF/services/dev.vulcan.core.tool.Tool",
                    Files.readAllBytes(module.resolve("src/main/resources/META-INF/services/dev.vulcan.core.tool.Tool")));
            entry(out, "dev/vulcan/schemas/tools/" + name + "/output.schema.json", schema.getBytes(StandardCharsets.UTF_8));
            entry(out, FixtureTool.PROPERTIES, ("name=" + name + "\nmode=" + mode + "\n").getBytes(StandardCharsets.UTF_8));
            for (String artifact : embedded.split(",")) {
                if (!artifact.isBlank()) {
                    String[] ga = artifact.strip().split(":");
                    entry(out, "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties", ("groupId=" + ga[0]
                            + "\nartifactId=" + ga[1] + "\nversion=" + VERSION + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** The test class path without this module's own class folders, as manifest Class-Path URLs. */
    private static String libraryClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path own = location(FixtureTool.class);
        Path ownMain = location(ComplianceValidator.class);
        List<String> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.equals(own) || path.equals(ownMain) || !Files.exists(path) || isOtherModule(path)) {
                continue;
            }
            urls.add(path.toUri().toString());
        }
        return String.join(" ", urls);
    }

    /**
     * Tells whether a class path entry is another Vulcan module or DuckDB (on the test class path for the
     * architecture test): a fixture tool depends on vulcan-core only, like a real one.
     */
    private static boolean isOtherModule(Path entry) {
        String text = entry.toString().replace('\\', '/');
        return text.contains("vulcan-tool-") || text.contains("vulcan-sot") || text.contains("vulcan-orchestrator")
                || text.contains("duckdb") || text.matches(".*/tools/[^/]+/target/.*")
                || text.matches(".*/vulcan-(sot|orchestrator)/target/.*");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path testdata() {
        try {
            return Path.of(FixtureRoots.class.getResource("/dev/vulcan/compliance/testdata").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to, String name, Set<String> skip) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = from.relativize(source).toString().replace('\\', '/');
                if (skip.contains(rel)) {
                    continue;
                }
                Path target = to.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.writeString(target, substitute(Files.readString(source), name));
            }
        }
    }

    private static String substitute(String text, String name) {
        return text.replace("@TOOL_NAME@", name);
    }
}
