package dev.vulcan.tool.layout;

import java.util.Arrays;
import java.util.Objects;

/**
 * The category of a file, each with a stable external code (the {@code category} of {@code data.files[]}).
 * The rules that decide it are listed in {@code categories.json} and applied in the order of the constants
 * below, the first match winning (see the README).
 */
public enum Category {
    /** Third-party code checked in: under vendor/, node_modules/, third_party/... */
    VENDORED("vendored"),
    /** Produced by a tool: lock files, generated suffixes and folders, generated-code header markers. */
    GENERATED("generated"),
    /** Binary content (a NUL byte in the first 8000 bytes, no UTF-16 byte order mark). */
    BINARY("binary"),
    /** Tests and test data: test folders and test file-name conventions. */
    TEST("test"),
    /** Build, packaging and CI files: Makefile, pom.xml, Dockerfile, CI workflows... */
    BUILD("build"),
    /** Documentation: docs folders, README/LICENSE-like names, prose languages. */
    DOCS("docs"),
    /** Configuration: configuration languages (YAML, TOML, INI...) and unrecognized dotfiles. */
    CONFIG("config"),
    /** Data: data languages (JSON, CSV, XML...) and data folders. */
    DATA("data"),
    /** Source code: programming and markup languages. */
    SOURCE("source"),
    /** A text file no rule recognizes (no known language, no path convention). */
    OTHER("other");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code used in the output
     */
    public String code() {
        return code;
    }

    /**
     * Returns the category with an external code.
     *
     * @param code the code
     * @return the category
     * @throws IllegalArgumentException if no category has this code
     */
    public static Category fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category: " + code));
    }
}
