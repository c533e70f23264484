package dev.vulcan.sot;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.EnvelopeMetadata;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds real tool artifacts of a run on disk with {@link ArtifactIo}, validated against the adapters' landing
 * contracts: a layout-scanner artifact from a list of files and a loc artifact from line counts.
 */
final class TestRun {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String LAYOUT_CONTRACT = "classpath:dev/vulcan/sot/contracts/layout-scanner/v1/data.schema.json";
    static final String LOC_CONTRACT = "classpath:dev/vulcan/sot/contracts/loc/v1/data.schema.json";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** A layout file: path, language, category, line count (null for binary). */
    record LayoutFile(String path, String language, String category, Long lines) {
    }

    /** A loc file row. */
    record LocFile(String path, long lines, long code, long comments, long blanks, Long complexity) {
    }

    final UUID runId;
    final UUID repoId;
    final Path output;

    TestRun(Path output) {
        this(output, UUID.randomUUID(), UUID.randomUUID());
    }

    TestRun(Path output, UUID runId, UUID repoId) {
        this.output = output;
        this.runId = runId;
        this.repoId = repoId;
    }

    RunImportRequest request(boolean replace) {
        return new RunImportRequest(runId, repoId, COMMIT, "main", output, replace);
    }

    /** The small repository most tests use. */
    static List<LayoutFile> sampleLayout() {
        return List.of(
                new LayoutFile("README.md", "Markdown", "docs", 10L),
                new LayoutFile("docs/guide.md", "Markdown", "docs", 20L),
                new LayoutFile("src/main.py", "Python", "source", 100L),
                new LayoutFile("src/util/helpers.py", "Python", "source", 50L),
                new LayoutFile("src/util/data.bin", null, "other", null));
    }

    static List<LocFile> sampleLoc() {
        return List.of(
                new LocFile("README.md", 10, 7, 0, 3, null),
                new LocFile("docs/guide.md", 20, 15, 0, 5, null),
                new LocFile("src/main.py", 100, 80, 10, 10, 7L),
                new LocFile("src/util/helpers.py", 50, 40, 5, 5, 3L));
    }

    void writeLayout(List<LayoutFile> files) throws IOException {
        writeLayout(files, data -> { });
    }

    void writeLayout(List<LayoutFile> files, Consumer<ObjectNode> tamper) throws IOException {
        ObjectNode data = Json.object();
        ArrayNode fileArray = data.putArray("files");
        Map<String, long[]> dirStats = new LinkedHashMap<>();
        Set<String> dirs = new LinkedHashSet<>();
        dirs.add("");
        for (LayoutFile f : files) {
            String dir = parent(f.path());
            for (String d = dir; !d.isEmpty(); d = parent(d)) {
                dirs.add(d);
            }
            long size = f.lines() == null ? 64 : f.lines() * 10;
            dirStats.computeIfAbsent(dir, k -> new long[2]);
            dirStats.get(dir)[0]++;
            dirStats.get(dir)[1] += size;
            ObjectNode node = fileArray.addObject();
            node.put("file_id", CanonicalIds.fileId(f.path()));
            node.put("path", f.path());
            node.put("directory_id", CanonicalIds.directoryId(dir));
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            node.put("filename", name);
            node.put("extension", name.contains(".") ? name.substring(name.lastIndexOf('.')) : "");
            if (f.language() == null) {
                node.putNull("language");
            } else {
                node.put("language", f.language());
            }
            node.put("category", f.category());
            node.put("size_bytes", size);
            if (f.lines() == null) {
                node.putNull("line_count");
            } else {
                node.put("line_count", f.lines());
            }
            node.put("is_binary", f.lines() == null);
            node.put("stable_fingerprint", "sha256:" + f.path().hashCode());
        }
        ArrayNode dirArray = data.putArray("directories");
        List<String> sorted = new ArrayList<>(dirs);
        sorted.sort(String::compareTo);
        for (String d : sorted) {
            ObjectNode node = dirArray.addObject();
            node.put("directory_id", CanonicalIds.directoryId(d));
            node.put("path", d);
            if (d.isEmpty()) {
                node.putNull("parent_id");
            } else {
                node.put("parent_id", CanonicalIds.directoryId(parent(d)));
            }
            node.put("depth", d.isEmpty() ? 0 : d.split("/").length);
            long[] stats = dirStats.getOrDefault(d, new long[2]);
            node.put("file_count", stats[0]);
            node.put("total_size_bytes", stats[1]);
        }
        tamper.accept(data);
        write("layout-scanner", data, LAYOUT_CONTRACT, files.size());
    }

    void writeLoc(List<LocFile> files) throws IOException {
        writeLoc(files, data -> { });
    }

    void writeLoc(List<LocFile> files, Consumer<ObjectNode> tamper) throws IOException {
        ObjectNode data = Json.object();
        ArrayNode array = data.putArray("files");
        long total = 0;
        for (LocFile f : files) {
            ObjectNode node = array.addObject();
            node.put("file_id", CanonicalIds.fileId(f.path()));
            node.put("path", f.path());
            node.put("language", f.path().endsWith(".py") ? "Python" : "Markdown");
            node.put("lines", f.lines());
            node.put("code", f.code());
            node.put("comments", f.comments());
            node.put("blanks", f.blanks());
            if (f.complexity() == null) {
                node.putNull("complexity");
            } else {
                node.put("complexity", f.complexity());
            }
            total += f.lines();
        }
        ObjectNode summary = data.putObject("summary");
        summary.put("total_files", files.size());
        summary.put("total_lines", total);
        Map<String, long[]> byLanguage = new java.util.TreeMap<>();
        for (LocFile f : files) {
            long[] t = byLanguage.computeIfAbsent(f.path().endsWith(".py") ? "Python" : "Markdown", k -> new long[5]);
            t[0]++;
            t[1] += f.lines();
            t[2] += f.code();
            t[3] += f.comments();
            t[4] += f.blanks();
        }
        ArrayNode languages = summary.putArray("languages");
        byLanguage.forEach((name, t) -> {
            ObjectNode l = languages.addObject();
            l.put("name", name);
            l.put("files", t[0]);
            l.put("lines", t[1]);
            l.put("code", t[2]);
            l.put("comments", t[3]);
            l.put("blanks", t[4]);
        });
        tamper.accept(data);
        write("loc", data, LOC_CONTRACT, files.size());
    }

    /** Writes an agent-scanner artifact: the given scanned files and one finding with the given evidence paths. */
    void writeAgentScanner(List<String> files, String findingId, List<String> evidencePaths) throws IOException {
        ObjectNode data = Json.object();
        ArrayNode fileArray = data.putArray("files");
        for (String path : files) {
            ObjectNode node = fileArray.addObject();
            node.put("path", path);
            node.put("file_id", CanonicalIds.fileId(path));
            node.put("kind", "python");
            node.put("status", "parsed");
            node.put("loc", 10);
        }
        ArrayNode findings = data.putArray("findings");
        ObjectNode finding = findings.addObject();
        finding.put("id", findingId);
        finding.put("rule_id", "STRATUM-001");
        finding.put("title", "Agent tool can write files without a guardrail");
        finding.put("severity", "high");
        finding.putNull("crew_id");
        finding.put("framework", "crewai");
        finding.put("remediation", "Add a guardrail.");
        ArrayNode evidence = finding.putArray("evidence");
        for (String path : evidencePaths) {
            ObjectNode location = evidence.addObject();
            location.put("path", path);
            location.put("line", 3);
            location.put("detail", "write_file tool");
        }
        data.put("risk_score", 25);
        data.put("primary_framework", "CrewAI");
        write("agent-scanner", data, "classpath:dev/vulcan/sot/contracts/agent-scanner/v1/data.schema.json",
                files.size());
    }

    /** Writes an artifact of any tool from its data object, validated against the tool's v1 landing contract. */
    void writeTool(String tool, ObjectNode data, int files) throws IOException {
        write(tool, data, "classpath:dev/vulcan/sot/contracts/" + tool + "/v1/data.schema.json", files);
    }

    private void write(String tool, ObjectNode data, String contract, int files) throws IOException {
        EnvelopeMetadata metadata = new EnvelopeMetadata(tool, "0.1.0", runId, repoId, "main", COMMIT, NOW, 0.5, 0,
                files, "1.0.0");
        ArtifactIo.writeOutput(output, new Envelope(metadata, data, List.of()), contract, NOW.minusSeconds(1));
    }

    /** Rewrites a tool's output.json with new bytes and records their digest in metadata.json. */
    void replaceOutput(String tool, byte[] bytes) throws IOException {
        Path dir = output.resolve(tool);
        Files.write(dir.resolve("output.json"), bytes);
        ObjectNode metadata = (ObjectNode) Json.read(dir.resolve("metadata.json"));
        ObjectNode out = (ObjectNode) metadata.get("output");
        out.put("sha256", sha256(bytes));
        out.put("size_bytes", bytes.length);
        Files.write(dir.resolve("metadata.json"), Json.toBytes(metadata));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
