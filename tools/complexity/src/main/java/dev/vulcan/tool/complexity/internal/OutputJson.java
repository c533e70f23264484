package dev.vulcan.tool.complexity.internal;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the tool's {@code data} object (schemas/output.schema.json) from a run's result. */
public final class OutputJson {
    private OutputJson() {
    }

    /**
     * Builds the data object.
     *
     * @param result the run's result
     * @return a new object
     * @throws NullPointerException if result is null
     */
    public static ObjectNode data(ComplexityAnalysis.Result result) {
        Objects.requireNonNull(result, "result");
        ObjectNode data = Json.object();
        ObjectNode summary = data.putObject("summary");
        ArrayNode files = data.putArray("files");
        ArrayNode symbols = data.putArray("symbols");
        ArrayNode calls = data.putArray("calls");
        Map<String, Integer> languages = new TreeMap<>();
        int functionCount = 0;
        long nloc = 0;
        long ccnSum = 0;
        Integer maxCcn = null;
        int withErrors = 0;
        for (FileAnalysis f : result.files()) {
            String fileId = CanonicalIds.fileId(f.path());
            languages.merge(f.language().code(), 1, Integer::sum);
            nloc += f.nloc();
            if (f.errorNodes() > 0) {
                withErrors++;
            }
            ObjectNode file = files.addObject();
            file.put("path", f.path());
            file.put("file_id", fileId);
            file.put("language", f.language().code());
            file.put("nloc", f.nloc());
            file.put("function_count", f.functions().size());
            putNullable(file, "max_ccn", f.maxCcn());
            putRounded(file, "avg_ccn", f.avgCcn());
            file.put("parse_error_count", f.errorNodes());
            ArrayNode fns = file.putArray("functions");
            for (FunctionMetrics m : f.functions()) {
                functionCount++;
                ccnSum += m.ccn();
                maxCcn = maxCcn == null ? m.ccn() : Math.max(maxCcn, m.ccn());
                ObjectNode fn = fns.addObject();
                fn.put("name", m.name());
                fn.put("qualified_name", m.qualifiedName());
                fn.put("kind", m.kind().code());
                fn.put("start_line", m.startLine());
                fn.put("end_line", m.endLine());
                fn.put("nloc", m.nloc());
                fn.put("params", m.params());
                fn.put("tokens", m.tokens());
                fn.put("ccn", m.ccn());
                fn.put("cognitive", m.cognitive());
            }
            for (SymbolInfo s : f.symbols()) {
                ObjectNode sym = symbols.addObject();
                sym.put("path", f.path());
                sym.put("file_id", fileId);
                sym.put("language", f.language().code());
                sym.put("name", s.name());
                sym.put("qualified_name", s.qualifiedName());
                sym.put("kind", s.kind().code());
                sym.put("start_line", s.startLine());
                sym.put("end_line", s.endLine());
                sym.put("is_exported", s.exported());
            }
            for (CallInfo c : f.calls()) {
                ObjectNode call = calls.addObject();
                call.put("path", f.path());
                call.put("file_id", fileId);
                call.put("line", c.line());
                putNullable(call, "caller", c.caller());
                call.put("callee", c.callee());
                putNullable(call, "receiver", c.receiver());
                putNullable(call, "callee_resolved", c.resolved());
                call.put("resolution", c.resolution().code());
            }
        }
        summary.put("files_listed", result.filesSeen());
        summary.put("files_analyzed", result.files().size());
        summary.put("files_skipped_unsupported", result.skippedUnsupported());
        summary.put("files_skipped_too_large", result.skippedTooLarge());
        summary.put("files_failed", result.failed());
        summary.put("files_with_parse_errors", withErrors);
        summary.put("function_count", functionCount);
        summary.put("nloc", nloc);
        putNullable(summary, "max_ccn", maxCcn);
        putRounded(summary, "avg_ccn", functionCount == 0 ? null : (double) ccnSum / functionCount);
        ObjectNode langs = summary.putObject("languages");
        languages.forEach(langs::put);
        return data;
    }

    private static void putNullable(ObjectNode node, String key, Integer value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void putNullable(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void putRounded(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue());
        }
    }
}
