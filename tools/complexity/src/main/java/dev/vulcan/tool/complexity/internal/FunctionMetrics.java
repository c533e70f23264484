package dev.vulcan.tool.complexity.internal;

import java.util.Objects;

/**
 * The measures of one function.
 *
 * @param name the simple name ({@code (anonymous)} for unnamed functions)
 * @param qualifiedName the name qualified by package/module prefix (Java, Go), enclosing types and functions
 * @param kind function, method, constructor or anonymous
 * @param startLine the first line
 * @param endLine the last line
 * @param nloc lines holding code (no blank or comment-only lines)
 * @param params the number of parameters
 * @param tokens the number of tokens (a string literal is one token)
 * @param ccn the cyclomatic complexity, lizard's rules
 * @param cognitive the cognitive complexity, SonarSource's definition
 */
public record FunctionMetrics(String name, String qualifiedName, SymbolKind kind, int startLine, int endLine,
        int nloc, int params, int tokens, int ccn, int cognitive) {

    /**
     * Creates the measures.
     *
     * @throws IllegalArgumentException if a count is negative, ccn is below 1 or the lines are out of order
     */
    public FunctionMetrics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(kind, "kind");
        if (startLine < 1 || endLine < startLine || nloc < 0 || params < 0 || tokens < 0 || ccn < 1
                || cognitive < 0) {
            throw new IllegalArgumentException("invalid measures for " + qualifiedName);
        }
    }
}
