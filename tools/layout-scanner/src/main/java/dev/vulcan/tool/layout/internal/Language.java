package dev.vulcan.tool.layout.internal;

import java.util.Objects;

/**
 * A language of {@code languages.json}.
 *
 * @param name the stable name used in the output
 * @param kind its kind
 */
public record Language(String name, LanguageKind kind) {

    /**
     * Creates a language.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Language {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("language name is blank");
        }
    }
}
