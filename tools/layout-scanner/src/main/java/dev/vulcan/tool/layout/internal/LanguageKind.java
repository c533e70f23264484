package dev.vulcan.tool.layout.internal;

import dev.vulcan.tool.layout.Category;
import java.util.Arrays;
import java.util.Objects;

/** The kind of a language in {@code languages.json}, which gives its files' default category. */
public enum LanguageKind {
    /** A programming language: files are source. */
    PROGRAMMING("programming", Category.SOURCE),
    /** A markup or style language (HTML, CSS, templates): files are source. */
    MARKUP("markup", Category.SOURCE),
    /** Prose (Markdown, reStructuredText, plain text): files are docs. */
    PROSE("prose", Category.DOCS),
    /** A data format (JSON, CSV, XML): files are data. */
    DATA("data", Category.DATA),
    /** A configuration format (YAML, TOML, INI): files are config. */
    CONFIG("config", Category.CONFIG),
    /** A build language (Makefile, CMake, Dockerfile, Bazel): files are build. */
    BUILD("build", Category.BUILD);

    private final String code;
    private final Category category;

    LanguageKind(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code used in {@code languages.json}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the default category of files in languages of this kind.
     *
     * @return the category
     */
    public Category category() {
        return category;
    }

    /**
     * Returns the kind with an external code.
     *
     * @param code the code
     * @return the kind
     * @throws IllegalArgumentException if no kind has this code
     */
    public static LanguageKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown language kind: " + code));
    }
}
