package dev.vulcan.tool.complexity.internal;

import java.util.Objects;

/**
 * A declared class-like type or named function of a file.
 *
 * @param name the simple name
 * @param qualifiedName the qualified name (same rules as {@link FunctionMetrics#qualifiedName()})
 * @param kind the kind
 * @param startLine the first line
 * @param endLine the last line
 * @param exported whether it is public/exported per the language's rules (README)
 */
public record SymbolInfo(String name, String qualifiedName, SymbolKind kind, int startLine, int endLine,
        boolean exported) {

    /**
     * Creates a symbol.
     *
     * @throws IllegalArgumentException if the lines are out of order
     */
    public SymbolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(kind, "kind");
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("invalid lines for " + qualifiedName);
        }
    }
}
