package dev.vulcan.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where an expectation looks in a tool's {@code data}, each with a stable external code (the ground-truth
 * schema's {@code scope} values).
 *
 * <ul>
 *   <li>{@link #REPO}: {@code metric} is a JSON pointer into {@code data}, such as {@code /summary/total_files}.</li>
 *   <li>{@link #FILE}: the element of {@code data.files[]} whose {@code path} equals the expectation's path.</li>
 *   <li>{@link #DIRECTORY}: the element of {@code data.directories[]} whose {@code path} equals it.</li>
 *   <li>{@link #FUNCTION}: in that file element, the element of {@code functions[]} whose {@code name} equals
 *       the expectation's name.</li>
 *   <li>{@link #SYMBOL}: the element of {@code data.symbols[]} with that {@code path} and {@code name}.</li>
 *   <li>{@link #AUTHOR}: the element of {@code data.authors[]} with that {@code name}.</li>
 *   <li>{@link #PAIR}: allowed by the schema but without a lookup convention yet; such an expectation is
 *       scored {@link Outcome#ERROR}.</li>
 * </ul>
 */
public enum Scope {
    /** The whole repository: a JSON pointer into data. */
    REPO("repo"),
    /** One directory of data.directories[]. */
    DIRECTORY("directory"),
    /** One file of data.files[]. */
    FILE("file"),
    /** One function of a file's functions[]. */
    FUNCTION("function"),
    /** One symbol of data.symbols[]. */
    SYMBOL("symbol"),
    /** One author of data.authors[]. */
    AUTHOR("author"),
    /** A pair of entities; no lookup convention is defined for it. */
    PAIR("pair");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code used in ground-truth files
     */
    public String code() {
        return code;
    }

    /**
     * Returns the scope with an external code.
     *
     * @param code the code
     * @return the scope
     * @throws IllegalArgumentException if no scope has this code
     */
    public static Scope fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope: " + code));
    }
}
