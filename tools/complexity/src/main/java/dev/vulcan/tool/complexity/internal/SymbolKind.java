package dev.vulcan.tool.complexity.internal;

import java.util.Objects;

/** The kind of a function or symbol, with its stable external code. */
public enum SymbolKind {
    /** A class (also a C++ class, an anonymous class has no symbol). */
    CLASS("class"),
    /** An interface (Java, TypeScript, Go). */
    INTERFACE("interface"),
    /** An enum. */
    ENUM("enum"),
    /** A Java record. */
    RECORD("record"),
    /** A Java annotation type. */
    ANNOTATION("annotation"),
    /** A C/C++ or Go struct. */
    STRUCT("struct"),
    /** A Go named type that is neither struct nor interface. */
    TYPE("type"),
    /** A free function (module level, or nested in another function). */
    FUNCTION("function"),
    /** A method: a function declared in a class-like body, or a Go function with a receiver. */
    METHOD("method"),
    /** A constructor. */
    CONSTRUCTOR("constructor"),
    /** An anonymous function: a JavaScript arrow or function expression not bound to a name, a Go func literal. */
    ANONYMOUS("anonymous");

    private final String code;

    SymbolKind(String code) {
        this.code = code;
    }

    /**
     * Returns the external code used in the output.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Finds the kind with an external code.
     *
     * @param code the code
     * @return the kind
     * @throws IllegalArgumentException if no kind has this code
     */
    public static SymbolKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (SymbolKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown symbol kind: " + code);
    }

    boolean isFunctionLike() {
        return this == FUNCTION || this == METHOD || this == CONSTRUCTOR || this == ANONYMOUS;
    }
}
