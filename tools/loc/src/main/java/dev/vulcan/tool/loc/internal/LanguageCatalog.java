package dev.vulcan.tool.loc.internal;

import dev.vulcan.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The languages loc knows, read from the classpath resource {@value #RESOURCE}, and the rules that pick a file's
 * language: exact file name, then file name prefix, then extension (exact case first, then lower case), then the
 * interpreter of a {@code #!} first line.
 *
 * <p>Fields of a language entry: {@code name}, {@code extensions}, {@code filenames}, {@code filename_prefixes},
 * {@code interpreters}, {@code line_comments} (a marker that comments out the rest of the line anywhere outside a
 * string), {@code line_prefix_comments} (a marker that makes the whole line a comment when it is the line's first
 * non-blank text, cloc's {@code ^\s*X}), {@code column0_comments} (the same, at column 0 only),
 * {@code block_comments} ({@code start}, {@code end}, {@code nested}), {@code strings} ({@code kind} quoted / char /
 * cpp_raw / rust_raw; {@code open}, {@code close}, {@code escape}, {@code multiline},
 * {@code doubled_close_escapes}), {@code doc_blocks} (whole-line blocks such as Perl POD), {@code end_markers}
 * (a line starting with it makes the rest of the file a comment, Perl {@code __END__}), {@code docstrings}
 * (Python), {@code continuation} (cloc's backslash continuation rule), {@code shebang_is_code},
 * {@code rst_explicit_markup}, {@code lua_long_brackets} and {@code complexity} (branch tokens).
 */
public final class LanguageCatalog {

    /** The classpath resource holding the language definitions. */
    public static final String RESOURCE = "/dev/vulcan/tool/loc/languages.json";

    private static final Set<String> FIELDS = Set.of("name", "extensions", "filenames", "filename_prefixes",
            "interpreters", "line_comments", "line_prefix_comments", "column0_comments", "block_comments", "strings",
            "doc_blocks", "end_markers", "docstrings", "continuation", "shebang_is_code", "rst_explicit_markup",
            "lua_long_brackets", "complexity", "note");

    private static volatile LanguageCatalog defaultCatalog;

    private final List<Language> languages;
    private final Map<String, Language> byName = new LinkedHashMap<>();
    private final Map<String, Language> byExtension = new HashMap<>();
    private final Map<String, Language> byFilename = new HashMap<>();
    private final Map<String, Language> byPrefix = new LinkedHashMap<>();
    private final Map<String, Language> byInterpreter = new HashMap<>();

    private LanguageCatalog(List<Language> languages) {
        this.languages = List.copyOf(languages);
        for (Language language : languages) {
            put(byName, language.name(), language, "name");
            language.extensions().forEach(e -> put(byExtension, e, language, "extension"));
            language.filenames().forEach(f -> put(byFilename, f, language, "file name"));
            language.filenamePrefixes().forEach(p -> put(byPrefix, p, language, "file name prefix"));
            language.interpreters().forEach(i -> put(byInterpreter, i, language, "interpreter"));
        }
    }

    private static void put(Map<String, Language> map, String key, Language language, String what) {
        Language old = map.putIfAbsent(key, language);
        if (old != null && old != language) {
            throw new IllegalStateException(RESOURCE + ": " + what + " '" + key + "' is claimed by both "
                    + old.name() + " and " + language.name());
        }
    }

    /**
     * Returns the catalog of the bundled {@value #RESOURCE}, loaded once.
     *
     * @return the catalog
     * @throws IllegalStateException if the resource is missing or invalid (a packaging bug)
     */
    public static LanguageCatalog bundled() {
        LanguageCatalog catalog = defaultCatalog;
        if (catalog == null) {
            synchronized (LanguageCatalog.class) {
                catalog = defaultCatalog;
                if (catalog == null) {
                    try (InputStream in = LanguageCatalog.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing classpath resource " + RESOURCE);
                        }
                        catalog = parse(in.readAllBytes(), RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    defaultCatalog = catalog;
                }
            }
        }
        return catalog;
    }

    /**
     * Parses language definitions.
     *
     * @param json the JSON document
     * @param source where it came from, for messages
     * @return the catalog
     * @throws IllegalStateException if a definition is invalid, naming the language and the problem
     */
    public static LanguageCatalog parse(byte[] json, String source) {
        Objects.requireNonNull(json, "json");
        JsonNode root = Json.parse(json, source);
        JsonNode list = root.path("languages");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(source + ": 'languages' must be a non-empty array");
        }
        List<Language> languages = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("name").asString("");
            if (name.isBlank()) {
                throw new IllegalStateException(source + ": a language has no name");
            }
            try {
                languages.add(language(node, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + ": language " + name + ": " + e.getMessage(), e);
            }
        }
        return new LanguageCatalog(languages);
    }

    private static Language language(JsonNode node, String name) {
        for (String field : node.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "'");
            }
        }
        List<Language.BlockComment> blocks = new ArrayList<>();
        for (JsonNode b : node.path("block_comments")) {
            blocks.add(new Language.BlockComment(marker(b, "start"), marker(b, "end"), b.path("nested").asBoolean(false)));
        }
        List<Language.StringRule> strings = new ArrayList<>();
        for (JsonNode s : node.path("strings")) {
            Language.StringKind kind = Language.StringKind.fromCode(s.path("kind").asString("quoted"));
            if (kind == Language.StringKind.QUOTED) {
                String escape = s.path("escape").asString("");
                if (escape.length() > 1) {
                    throw new IllegalArgumentException("escape must be one character: '" + escape + "'");
                }
                strings.add(new Language.StringRule(kind, marker(s, "open"), marker(s, "close"),
                        escape.isEmpty() ? -1 : escape.charAt(0), s.path("multiline").asBoolean(false),
                        s.path("doubled_close_escapes").asBoolean(false)));
            } else {
                strings.add(new Language.StringRule(kind, null, null, '\\', kind != Language.StringKind.CHAR, false));
            }
        }
        List<Language.DocBlock> docBlocks = new ArrayList<>();
        for (JsonNode d : node.path("doc_blocks")) {
            docBlocks.add(new Language.DocBlock(marker(d, "start"), marker(d, "end")));
        }
        return new Language(name, texts(node, "extensions"), texts(node, "filenames"), texts(node, "filename_prefixes"),
                texts(node, "interpreters"), markers(node, "line_comments"), markers(node, "line_prefix_comments"),
                markers(node, "column0_comments"), blocks, strings, docBlocks, markers(node, "end_markers"),
                node.path("docstrings").asBoolean(false), node.path("continuation").asBoolean(false),
                node.path("shebang_is_code").asBoolean(false), node.path("rst_explicit_markup").asBoolean(false),
                node.path("lua_long_brackets").asBoolean(false), texts(node, "complexity"));
    }

    private static byte[] marker(JsonNode node, String field) {
        String value = node.path(field).asString("");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > Language.MAX_MARKER) {
            throw new IllegalArgumentException("'" + field + "' must be 1.." + Language.MAX_MARKER + " bytes: '"
                    + value + "'");
        }
        return bytes;
    }

    private static List<String> markers(JsonNode node, String field) {
        List<String> values = texts(node, field);
        for (String v : values) {
            int length = v.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0 || length > Language.MAX_MARKER) {
                throw new IllegalArgumentException("'" + field + "' entries must be 1.." + Language.MAX_MARKER
                        + " bytes: '" + v + "'");
            }
        }
        return values;
    }

    private static List<String> texts(JsonNode node, String field) {
        JsonNode array = node.path(field);
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isString()) {
                throw new IllegalArgumentException("'" + field + "' must hold strings");
            }
            out.add(v.asString());
        }
        return out;
    }

    /**
     * Returns all languages in file order.
     *
     * @return the languages
     */
    public List<Language> languages() {
        return languages;
    }

    /**
     * Returns a language by name.
     *
     * @param name the display name
     * @return the language, if known
     */
    public Optional<Language> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Picks the language of a file from its name: exact file name, file name prefix, then extension (exact case,
     * then lower case).
     *
     * @param fileName the file name (last path segment)
     * @return the language, or empty when the name does not decide it
     */
    public Optional<Language> byFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        Language language = byFilename.get(fileName);
        if (language != null) {
            return Optional.of(language);
        }
        for (Map.Entry<String, Language> prefix : byPrefix.entrySet()) {
            if (fileName.startsWith(prefix.getKey())) {
                return Optional.of(prefix.getValue());
            }
        }
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1);
        language = byExtension.get(extension);
        if (language == null) {
            language = byExtension.get(extension.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(language);
    }

    /**
     * Picks a language from a {@code #!} first line: the interpreter's base name, or the first argument of
     * {@code env} (options skipped).
     *
     * @param head the first bytes of the file
     * @param length how many bytes of {@code head} are valid
     * @return the language, or empty when there is no known interpreter
     */
    public Optional<Language> byShebang(byte[] head, int length) {
        Objects.requireNonNull(head, "head");
        if (length < 3 || head[0] != '#' || head[1] != '!') {
            return Optional.empty();
        }
        int end = 2;
        while (end < length && end < 256 && head[end] != '\n') {
            end++;
        }
        String line = new String(head, 2, end - 2, StandardCharsets.UTF_8).trim();
        String[] words = line.split("[ \t]+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        String interpreter = baseName(words[0]);
        if (interpreter.equals("env")) {
            interpreter = null;
            for (int i = 1; i < words.length; i++) {
                if (!words[i].startsWith("-") && !words[i].contains("=")) {
                    interpreter = baseName(words[i]);
                    break;
                }
            }
            if (interpreter == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(byInterpreter.get(interpreter));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
