package dev.vulcan.tool.agents;

import dev.vulcan.core.json.Json;
import dev.vulcan.tool.agents.internal.AgentScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: write fixture files, copy fixture folders, scan, and project results for golden files. */
public final class Fixtures {

    /** The module's test data folder. */
    public static final Path TESTDATA = Path.of("src/test/resources/dev/vulcan/tool/agents/testdata");

    private Fixtures() {
    }

    /**
     * Writes files (path to content) under a root.
     *
     * @param root the root
     * @param files the files
     * @return the root
     */
    public static Path write(Path root, Map<String, String> files) {
        files.forEach((path, content) -> {
            try {
                Path p = root.resolve(path);
                Files.createDirectories(p.getParent());
                Files.writeString(p, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return root;
    }

    /**
     * Copies a folder tree.
     *
     * @param from the source
     * @param to the target
     * @return the target
     */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /**
     * Scans a folder in-process.
     *
     * @param root the folder
     * @return the scan result
     */
    public static AgentScanner.Result scan(Path root) {
        try {
            return new AgentScanner(root, () -> { }).scan();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Projects the data onto what golden files pin: the index, counts, frameworks, provider confidence, risk
     * score, archetype class and the agents' llm and guardrail counts.
     *
     * @param data the data
     * @return the projection
     */
    public static ObjectNode project(JsonNode data) {
        ObjectNode out = Json.object();
        out.set("index", data.get("index"));
        out.set("counts", data.get("counts"));
        var fws = out.putArray("frameworks");
        data.get("frameworks").forEach(f -> fws.add(f.get("name").asString()));
        out.set("provider_confidence", data.get("provider_confidence"));
        var providers = out.putArray("llm_providers");
        data.get("llm_providers").forEach(p -> providers.add(p.get("name").asString() + ":"
                + p.get("confidence").asString()));
        var caps = out.putArray("tool_capabilities");
        data.get("tools").forEach(t -> {
            StringBuilder s = new StringBuilder(t.get("name").asString()).append(" [").append(t.get("source").asString())
                    .append("]");
            t.get("capabilities").forEach(c -> s.append(' ').append(c.get("capability").asString()).append('/')
                    .append(c.get("exposure").asString()));
            caps.add(s.toString());
        });
        var guards = out.putArray("guardrails");
        data.get("guardrails").forEach(g -> guards.add(g.get("kind").asString() + " " + g.get("detail").asString()
                + " guards " + g.get("guards").size()));
        out.set("risk_score", data.get("risk_score"));
        out.set("archetype_class", data.get("summary").get("archetype_class"));
        return out;
    }
}
