package dev.vulcan.tool.loc;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolLauncher;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.loc.internal.FileCounts;
import dev.vulcan.tool.loc.internal.LanguageCatalog;
import dev.vulcan.tool.loc.internal.LocAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The loc tool (phase 1): per file language, lines, code, comments, blanks and a branch-token complexity estimate,
 * with totals per language and overall. It lists the repository itself (the git index of a work tree, else the
 * directory tree; symbolic links are never followed) and counts files in parallel with a streaming lexer per
 * language family, whose rules are in {@code dev/vulcan/tool/loc/languages.json}.
 *
 * <p>Tool-specific parameters ({@code tool_specific} of the tool config): {@code max_file_bytes} (default
 * {@value #DEFAULT_MAX_FILE_BYTES}; larger files are skipped with a recoverable {@code FILE_TOO_LARGE} error) and
 * {@code threads} (default: the number of processors).
 */
public final class LocTool implements Tool {

    /** The tool name. */
    public static final String NAME = "loc";
    /** The default size cap of one file, 64 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.builder(NAME)
            .displayName("Lines of code")
            .version("1.0.0")
            .schemaVersion("1.0.0")
            .phase(1)
            .timeout(Duration.ofMinutes(10))
            .languages("*")
            .parallelSafe(true)
            .produces("tool_loc_files", "tool_loc_summary")
            .requiresLayout(true)
            .incrementalCapable(false)
            .build();

    /** Creates the tool (the ServiceLoader needs this public constructor). */
    public LocTool() {
    }

    /**
     * Runs the tool from its jar with the standard command line of {@link ToolLauncher}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        ToolLauncher.main(new LocTool(), args);
    }

    /**
     * Returns the registry entry of loc.
     *
     * @return the descriptor
     */
    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Counts the repository's files.
     *
     * @param context the validated inputs
     * @return {@code data.files[]} and {@code data.summary}, and the per-file problems
     * @throws IllegalArgumentException if a tool-specific parameter is invalid
     * @throws java.io.IOException if the repository cannot be listed
     * @throws InterruptedException if the run was interrupted
     */
    @Override
    public ToolResult analyze(ToolContext context) throws Exception {
        ObjectNode parameters = context.toolSpecific();
        long maxFileBytes = positive(parameters, "max_file_bytes", DEFAULT_MAX_FILE_BYTES);
        int threads = (int) Math.min(256, positive(parameters, "threads", Runtime.getRuntime().availableProcessors()));
        LocAnalyzer analyzer = new LocAnalyzer(LanguageCatalog.bundled(), maxFileBytes, threads);
        LocAnalyzer.Report report = analyzer.analyze(context.repoPath(), context::checkCancelled);
        context.checkCancelled();
        return new ToolResult(toJson(report), report.errors(), report.files().size());
    }

    private static long positive(ObjectNode parameters, String name, long fallback) {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            throw new IllegalArgumentException("tool_specific." + name + " must be a positive integer, got " + value);
        }
        return value.asLong();
    }

    /**
     * Builds the {@code data} object of the artifact from a report.
     *
     * @param report the counted files
     * @return {@code {files: [...], summary: {...}}}
     */
    static ObjectNode toJson(LocAnalyzer.Report report) {
        ObjectNode data = Json.object();
        ArrayNode files = data.putArray("files");
        Map<String, long[]> perLanguage = new TreeMap<>();
        long[] total = new long[6];
        for (LocAnalyzer.FileResult r : report.files()) {
            FileCounts c = r.counts();
            ObjectNode f = files.addObject();
            f.put("file_id", CanonicalIds.fileId(r.path()));
            f.put("path", r.path());
            f.put("language", r.language());
            f.put("lines", c.lines());
            f.put("code", c.code());
            f.put("comments", c.comments());
            f.put("blanks", c.blanks());
            f.put("complexity", c.complexity());
            add(perLanguage.computeIfAbsent(r.language(), k -> new long[6]), c);
            add(total, c);
        }
        ObjectNode summary = data.putObject("summary");
        summary.put("total_files", total[0]);
        summary.put("total_lines", total[1]);
        summary.put("total_code", total[2]);
        summary.put("total_comments", total[3]);
        summary.put("total_blanks", total[4]);
        summary.put("total_complexity", total[5]);
        List<Map.Entry<String, long[]>> languages = new ArrayList<>(perLanguage.entrySet());
        languages.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[2])
                .thenComparing(Map.Entry::getKey));
        ArrayNode langs = summary.putArray("languages");
        for (Map.Entry<String, long[]> e : languages) {
            long[] v = e.getValue();
            ObjectNode l = langs.addObject();
            l.put("name", e.getKey());
            l.put("files", v[0]);
            l.put("lines", v[1]);
            l.put("code", v[2]);
            l.put("comments", v[3]);
            l.put("blanks", v[4]);
            l.put("complexity", v[5]);
        }
        summary.put("binary_files", report.binaryFiles());
        summary.put("unsupported_files", report.unsupportedFiles());
        summary.put("skipped_files", report.skippedFiles());
        return data;
    }

    private static void add(long[] into, FileCounts c) {
        into[0]++;
        into[1] += c.lines();
        into[2] += c.code();
        into[3] += c.comments();
        into[4] += c.blanks();
        into[5] += c.complexity();
    }
}
