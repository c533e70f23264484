package dev.vulcan.tool.layout.internal;

import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The languages of {@code dev/vulcan/tool/layout/languages.json} and the detection rules: exact filename first,
 * then extension (case-sensitive, then lower case), then the shebang interpreter.
 */
public final class LanguageCatalog {

    /** The classpath resource of the default catalog. */
    public static final String RESOURCE = "dev/vulcan/tool/layout/languages.json";

    private static final LanguageCatalog DEFAULT = load(RESOURCE);

    private final List<Language> languages;
    private final Map<String, Language> byFilename;
    private final Map<String, Language> byExtension;
    private final Map<String, Language> byInterpreter;

    private LanguageCatalog(List<Language> languages, Map<String, Language> byFilename,
            Map<String, Language> byExtension, Map<String, Language> byInterpreter) {
        this.languages = List.copyOf(languages);
        this.byFilename = Map.copyOf(byFilename);
        this.byExtension = Map.copyOf(byExtension);
        this.byInterpreter = Map.copyOf(byInterpreter);
    }

    /**
     * Returns the catalog packaged with the tool.
     *
     * @return the default catalog
     */
    public static LanguageCatalog defaults() {
        return DEFAULT;
    }

    /**
     * Loads a catalog from a classpath resource.
     *
     * @param resource the resource name
     * @return the catalog
     * @throws IllegalStateException if the resource is missing or invalid: unknown kind, duplicate name,
     *     or an extension, filename or interpreter claimed by two languages
     */
    public static LanguageCatalog load(String resource) {
        Objects.requireNonNull(resource, "resource");
        JsonNode root;
        try (InputStream in = LanguageCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("language catalog " + resource + " is not on the classpath");
            }
            root = Json.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        List<Language> languages = new ArrayList<>();
        Map<String, Language> byName = new HashMap<>();
        Map<String, Language> byFilename = new HashMap<>();
        Map<String, Language> byExtension = new HashMap<>();
        Map<String, Language> byInterpreter = new HashMap<>();
        for (JsonNode node : root.path("languages")) {
            Language language;
            try {
                language = new Language(node.path("name").asString(), LanguageKind.fromCode(node.path("kind").asString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ": " + e.getMessage(), e);
            }
            claim(byName, language.name(), language, resource, "name");
            languages.add(language);
            node.path("filenames").forEach(f -> claim(byFilename, f.asString(), language, resource, "filename"));
            node.path("extensions").forEach(e -> {
                if (!e.asString().startsWith(".") || e.asString().length() < 2) {
                    throw new IllegalStateException(resource + ": extension '" + e.asString() + "' of "
                            + language.name() + " must start with a dot");
                }
                claim(byExtension, e.asString(), language, resource, "extension");
            });
            node.path("interpreters").forEach(i -> claim(byInterpreter, i.asString(), language, resource, "interpreter"));
        }
        if (languages.isEmpty()) {
            throw new IllegalStateException(resource + " lists no language");
        }
        return new LanguageCatalog(languages, byFilename, byExtension, byInterpreter);
    }

    private static void claim(Map<String, Language> map, String key, Language language, String resource, String what) {
        Language previous = map.putIfAbsent(key, language);
        if (previous != null) {
            throw new IllegalStateException(resource + ": " + what + " '" + key + "' belongs to both "
                    + previous.name() + " and " + language.name());
        }
    }

    /**
     * Returns every language of the catalog.
     *
     * @return the languages, in file order
     */
    public List<Language> languages() {
        return languages;
    }

    /**
     * Returns the extension of a filename: from its last dot (kept) when that dot is not the first character.
     *
     * @param filename the filename
     * @return the extension such as {@code .py}, or empty for none ({@code Makefile}, {@code .gitignore})
     */
    public static Optional<String> extensionOf(String filename) {
        Objects.requireNonNull(filename, "filename");
        int dot = filename.lastIndexOf('.');
        return dot <= 0 || dot == filename.length() - 1 ? Optional.empty() : Optional.of(filename.substring(dot));
    }

    /**
     * Detects a file's language from its name.
     *
     * @param filename the filename (last path segment)
     * @return the language, by exact filename then by extension
     */
    public Optional<Language> byName(String filename) {
        Objects.requireNonNull(filename, "filename");
        Language exact = byFilename.get(filename);
        if (exact != null) {
            return Optional.of(exact);
        }
        return extensionOf(filename).map(ext -> {
            Language language = byExtension.get(ext);
            return language != null ? language : byExtension.get(ext.toLowerCase(Locale.ROOT));
        });
    }

    /**
     * Detects a language from a shebang line such as {@code #!/usr/bin/env python3} or {@code #!/bin/sh -e}.
     * The interpreter is the program's basename, or for {@code env} its first argument that is not an option
     * or a variable assignment; a trailing version ({@code python3.11}) is dropped if the exact name is unknown.
     *
     * @param firstLine the file's first line, without its line break
     * @return the language, if the line is a shebang naming a known interpreter
     */
    public Optional<Language> byShebang(String firstLine) {
        Objects.requireNonNull(firstLine, "firstLine");
        if (!firstLine.startsWith("#!")) {
            return Optional.empty();
        }
        String[] tokens = firstLine.substring(2).trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            return Optional.empty();
        }
        String program = basename(tokens[0]);
        if (program.equals("env")) {
            program = null;
            for (int i = 1; i < tokens.length; i++) {
                if (!tokens[i].startsWith("-") && !tokens[i].contains("=")) {
                    program = basename(tokens[i]);
                    break;
                }
            }
            if (program == null) {
                return Optional.empty();
            }
        }
        Language language = byInterpreter.get(program);
        if (language == null) {
            language = byInterpreter.get(program.replaceFirst("[0-9][0-9.]*$", ""));
        }
        return Optional.ofNullable(language);
    }

    private static String basename(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
