package dev.vulcan.orchestrator.testtools;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only tools: list the regular files at the top of the repository ({@code files[].path, size_bytes}),
 * after an optional rendezvous with the other probe tools ({@link Probe}). Subclasses only name themselves,
 * their phase and dependencies; misbehaving subclasses override {@link #analyze}.
 */
public abstract class ListingTool implements Tool {

    private final ToolDescriptor descriptor;

    ListingTool(ToolDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ToolResult analyze(ToolContext context) throws Exception {
        Probe.enter(descriptor.name());
        try {
            return new ToolResult(listing(context, false), List.<ToolError>of(), count(context));
        } finally {
            Probe.leave();
        }
    }

    static ObjectNode listing(ToolContext context, boolean escape) throws IOException {
        ObjectNode data = Json.object();
        ArrayNode files = data.putArray("files");
        try (Stream<Path> list = Files.list(context.repoPath())) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                ObjectNode entry = files.addObject();
                entry.put("path", (escape ? "../" : "") + file.getFileName());
                entry.put("size_bytes", Files.size(file));
            }
        }
        return data;
    }

    static int count(ToolContext context) throws IOException {
        try (Stream<Path> list = Files.list(context.repoPath())) {
            return (int) list.filter(Files::isRegularFile).count();
        }
    }
}
