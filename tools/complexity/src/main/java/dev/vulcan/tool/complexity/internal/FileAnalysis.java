package dev.vulcan.tool.complexity.internal;

import java.util.List;
import java.util.Objects;

/**
 * What one file yields.
 *
 * @param path the repo-relative path
 * @param language the language
 * @param nloc the file's lines holding code
 * @param functions its functions in source order
 * @param symbols its symbols in source order
 * @param calls its calls in source order
 * @param errorNodes the number of ERROR/MISSING nodes of the parse (0 when clean)
 * @param firstErrorLine the line of the first error node, 0 when clean
 */
public record FileAnalysis(String path, Language language, int nloc, List<FunctionMetrics> functions,
        List<SymbolInfo> symbols, List<CallInfo> calls, int errorNodes, int firstErrorLine) {

    /**
     * Creates the result.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public FileAnalysis {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
        functions = List.copyOf(functions);
        symbols = List.copyOf(symbols);
        calls = List.copyOf(calls);
        if (nloc < 0 || errorNodes < 0) {
            throw new IllegalArgumentException("negative count for " + path);
        }
    }

    /**
     * Returns the largest CCN, or null when the file has no function.
     *
     * @return the maximum or null
     */
    public Integer maxCcn() {
        return functions.stream().mapToInt(FunctionMetrics::ccn).boxed().max(Integer::compare).orElse(null);
    }

    /**
     * Returns the mean CCN, or null when the file has no function.
     *
     * @return the mean or null
     */
    public Double avgCcn() {
        return functions.isEmpty() ? null : functions.stream().mapToInt(FunctionMetrics::ccn).average().orElseThrow();
    }
}
