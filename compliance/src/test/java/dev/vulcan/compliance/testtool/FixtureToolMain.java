package dev.vulcan.compliance.testtool;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.ToolLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The main class of fixture tool jars: the standard launcher, then, in mode {@link FixtureTool.Mode#HEAD_COMMIT},
 * the rewrite a tool bypassing vulcan-core's validation would make (commit "HEAD" in both files, digest updated
 * so that only the commit rule is broken).
 */
public final class FixtureToolMain {

    private FixtureToolMain() {
    }

    /**
     * Runs the fixture tool.
     *
     * @param args the standard tool command line
     * @throws IOException if the HEAD rewrite fails
     */
    public static void main(String[] args) throws IOException {
        FixtureTool tool = new FixtureTool();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = ToolLauncher.run(tool, args, out, err);
        if (status == 0 && tool.mode() == FixtureTool.Mode.HEAD_COMMIT) {
            rewriteCommit(outputDir(args).resolve(tool.descriptor().name()));
        }
        // A process entry point of a test fixture: the exit status is what the validator checks.
        System.exit(status);
    }

    private static Path outputDir(String[] args) {
        List<String> list = List.of(args);
        int at = list.indexOf("--output-path");
        if (at < 0) {
            throw new IllegalArgumentException("the HEAD_COMMIT fixture needs --output-path");
        }
        return Path.of(list.get(at + 1));
    }

    private static void rewriteCommit(Path toolDir) throws IOException {
        Path outputFile = toolDir.resolve("output.json");
        ObjectNode output = (ObjectNode) Json.read(outputFile);
        ((ObjectNode) output.get("metadata")).put("commit", "HEAD");
        byte[] bytes = Json.toBytes(output);
        Files.write(outputFile, bytes);
        Path metadataFile = toolDir.resolve("metadata.json");
        ObjectNode metadata = (ObjectNode) Json.read(metadataFile);
        metadata.put("commit", "HEAD");
        ObjectNode digest = (ObjectNode) metadata.get("output");
        digest.put("size_bytes", bytes.length);
        try {
            digest.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.write(metadataFile, Json.toBytes(metadata));
    }
}
