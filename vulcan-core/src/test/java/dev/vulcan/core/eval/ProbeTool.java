package dev.vulcan.core.eval;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test-only tool: lists the work tree's regular files (outside {@code .git}) with their size, line count and
 * the Python-style functions ({@code def NAME(}) they define, per-directory file counts, and one symbol per
 * function. It fails on purpose when the repository holds a file named {@code FAIL}.
 */
final class ProbeTool implements Tool {

    static final String SCHEMA_ID = "classpath:dev/vulcan/core/eval/testdata/probe.schema.json";

    @Override
    public ToolDescriptor descriptor() {
        return ToolDescriptor.builder("eval-probe").version("2.1.0").schemaVersion("1.0.0").build();
    }

    @Override
    public String outputSchemaId() {
        return SCHEMA_ID;
    }

    @Override
    public ToolResult analyze(ToolContext context) throws Exception {
        Path root = context.repoPath();
        if (Files.exists(root.resolve("FAIL"))) {
            throw new IllegalStateException("asked to fail");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !root.relativize(p).toString().startsWith(".git"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        ObjectNode data = Json.object();
        ArrayNode files = data.putArray("files");
        ArrayNode symbols = data.putArray("symbols");
        Map<String, Integer> perDirectory = new TreeMap<>();
        long bytes = 0;
        for (Path file : paths) {
            String path = RepoPaths.relativize(root, file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            ObjectNode node = files.addObject();
            node.put("path", path);
            node.put("size_bytes", Files.size(file));
            node.put("lines", lines.size());
            node.put("ratio", lines.size() / 3.0);
            ArrayNode functions = node.putArray("functions");
            for (String line : lines) {
                if (line.startsWith("def ") && line.contains("(")) {
                    String name = line.substring(4, line.indexOf('('));
                    functions.addObject().put("name", name);
                    symbols.addObject().put("path", path).put("name", name).put("kind", "function");
                }
            }
            node.putArray("tags").add(path.endsWith(".py") ? "python" : "other");
            bytes += Files.size(file);
            perDirectory.merge(RepoPaths.parent(path), 1, Integer::sum);
        }
        ArrayNode directories = data.putArray("directories");
        perDirectory.forEach((dir, count) -> directories.addObject().put("path", dir).put("file_count", count));
        data.putObject("summary").put("total_files", paths.size()).put("total_bytes", bytes)
                .put("commit", context.commit());
        data.putArray("authors").addObject().put("name", "Vulcan Evaluation").put("commits", 1);
        return new ToolResult(data, List.of(), paths.size());
    }
}
