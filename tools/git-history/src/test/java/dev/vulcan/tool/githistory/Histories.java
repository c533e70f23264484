package dev.vulcan.tool.githistory;

import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Helpers shared by the tests: run the tool in-process and find elements of its data. */
final class Histories {

    static final UUID RUN = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final UUID REPO = UUID.fromString("66666666-7777-4888-9999-000000000000");

    private Histories() {
    }

    static Instant day(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    static ToolResult analyze(Path repo, ObjectNode toolSpecific, Path output) throws Exception {
        String commit = GitRevisions.resolve(repo, null, null).commit();
        ToolContext context = new ToolContext(GitHistoryTool.NAME, repo.toAbsolutePath(), "main", commit, RUN, REPO,
                null, output.toAbsolutePath(), toolSpecific, null);
        return new GitHistoryTool().analyze(context);
    }

    static ToolResult analyze(Path repo, Path output) throws Exception {
        return analyze(repo, Json.object(), output);
    }

    static JsonNode file(JsonNode data, String path) {
        for (JsonNode f : data.get("files")) {
            if (f.get("path").asString().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no file " + path + " in " + data.get("files"));
    }

    static JsonNode author(JsonNode data, String name) {
        for (JsonNode a : data.get("authors")) {
            if (a.get("name").asString().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no author " + name + " in " + data.get("authors"));
    }
}
