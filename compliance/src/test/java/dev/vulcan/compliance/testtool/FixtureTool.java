package dev.vulcan.compliance.testtool;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool the compliance tests package into fixture tool jars: it lists the repository's files. Its name and
 * the one rule it breaks ({@link Mode}) come from {@code fixture-tool.properties} at the root of its jar, so one
 * implementation serves every runnable fixture.
 */
public final class FixtureTool implements Tool {

    /** The resource naming the tool and its mode. */
    public static final String PROPERTIES = "fixture-tool.properties";

    /** How the fixture tool behaves; each mode but {@link #GOOD} breaks exactly one rule. */
    public enum Mode {
        /** Follows every rule. */
        GOOD,
        /** Puts the absolute repository path in {@code data.scanned_from}. */
        ABSOLUTE_PATH,
        /** Writes {@code commit: "HEAD"} into its artifact instead of the resolved SHA. */
        HEAD_COMMIT,
        /** Writes a cache file into the analyzed repository. */
        WRITES_OUTSIDE,
        /** Walks the repository following symbolic links. */
        FOLLOWS_SYMLINKS,
        /** Reports paths with a leading {@code ./}. */
        DOT_PATHS,
        /** Accepts a config of any schema_version (its main rewrites the version before the launcher reads it). */
        ANY_CONFIG_VERSION
    }

    private final String name;
    private final Mode mode;

    /** Creates the tool from {@value #PROPERTIES} on the classpath. */
    public FixtureTool() {
        Properties props = new Properties();
        try (InputStream in = FixtureTool.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(PROPERTIES + " is not on the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.name = props.getProperty("name");
        this.mode = Mode.valueOf(props.getProperty("mode", "GOOD"));
    }

    /**
     * Returns the mode.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    @Override
    public ToolDescriptor descriptor() {
        return ToolDescriptor.builder(name).displayName("Fixture tool " + name).version("1.0.0")
                .schemaVersion("1.0.0").build();
    }

    @Override
    public ToolResult analyze(ToolContext context) throws IOException {
        Path repo = context.repoPath();
        Set<FileVisitOption> options = mode == Mode.FOLLOWS_SYMLINKS ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(repo, Integer.MAX_VALUE, options.toArray(FileVisitOption[]::new))) {
            walk.filter(p -> !repo.relativize(p).toString().startsWith(".git"))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            || (mode == Mode.FOLLOWS_SYMLINKS && Files.isRegularFile(p)))
                    .sorted().forEach(files::add);
        }
        ObjectNode data = Json.object();
        ArrayNode items = data.putArray("files");
        List<ToolError> errors = new ArrayList<>();
        for (Path file : files) {
            String path = RepoPaths.relativize(repo, file);
            ObjectNode item = items.addObject();
            item.put("path", mode == Mode.DOT_PATHS ? "./" + path : path);
            item.put("file_id", CanonicalIds.fileId(path));
            item.put("size_bytes", Files.size(file));
            if (path.endsWith(".py") && Files.readString(file, StandardCharsets.ISO_8859_1).contains("def broken(:")) {
                errors.add(ToolError.recoverable("SYNTAX_ERROR", "cannot parse: unbalanced parenthesis", path));
            }
        }
        data.putObject("summary").put("total_files", files.size());
        if (mode == Mode.ABSOLUTE_PATH) {
            data.put("scanned_from", repo.toString());
        }
        if (mode == Mode.WRITES_OUTSIDE) {
            Files.writeString(repo.resolve(".fixture-cache"), "cached");
        }
        return new ToolResult(data, errors, files.size());
    }
}
