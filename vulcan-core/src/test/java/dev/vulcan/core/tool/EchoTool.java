package dev.vulcan.core.tool;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only tool: lists the regular files at the top of the repository. tool_specific "mode" makes it
 * misbehave on purpose: "partial" adds a recoverable error, "throw" fails, "invalid" returns data that breaks
 * its schema, "absolute" returns an absolute path.
 */
final class EchoTool implements Tool {

    @Override
    public ToolDescriptor descriptor() {
        return ToolDescriptor.builder("echo").displayName("Echo (test)").version("0.9.1").schemaVersion("1.2.0").build();
    }

    @Override
    public ToolResult analyze(ToolContext context) throws IOException {
        String mode = context.toolSpecific().path("mode").asString("ok");
        if (mode.equals("throw")) {
            throw new IOException("cannot open " + context.repoPath().resolve("broken.bin"));
        }
        ObjectNode data = Json.object();
        ArrayNode files = data.putArray("files");
        List<ToolError> errors = new ArrayList<>();
        try (Stream<Path> list = Files.list(context.repoPath())) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                ObjectNode entry = files.addObject();
                entry.put("path", mode.equals("absolute") ? file.toString() : file.getFileName().toString());
                entry.put("size_bytes", Files.size(file));
            }
        }
        if (mode.equals("partial")) {
            errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot read " + context.repoPath().resolve("x.txt"), "x.txt"));
        }
        if (mode.equals("invalid")) {
            data.put("unexpected", true);
        }
        return new ToolResult(data, errors, files.size());
    }
}
