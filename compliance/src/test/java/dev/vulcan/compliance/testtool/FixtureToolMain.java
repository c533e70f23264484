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
        String[] effective = tool.mode() == FixtureTool.Mode.ANY_CONFIG_VERSION ? anyVersion(args) : args;
        int status = ToolLauncher.run(tool, effective, out, err);
        if (status == 0 && tool.mode() == FixtureTool.Mode.HEAD_COMMIT) {
            rewriteCommit(outputDir(args).resolve(tool.descriptor().name()));
        }
        // A process entry point of a test fixture: the exit status is what the validator checks.
        System.exit(status);
    }

    /** Copies the --config file with schema_version 1.0.0, as a tool ignoring the version would read it. */
    private static String[] anyVersion(String[] args) throws IOException {
        String[] copy = args.clone();
        for (int i = 0; i + 1 < copy.length; i++) {
            if (copy[i].equals("--config")) {
                ObjectNode config = (ObjectNode) Json.read(Path.of(copy[i + 1]));
                config.put("schema_version", "1.0.0");
                Path rewritten = Path.of(copy[i + 1] + ".any-version.json");
                Files.write(rewritten, Json.toBytes(config));
                copy[i + 1] = rewritten.toString();
            }
        }
        return copy;
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
