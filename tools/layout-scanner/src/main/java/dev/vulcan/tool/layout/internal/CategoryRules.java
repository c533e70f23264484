package dev.vulcan.tool.layout.internal;

import dev.vulcan.core.json.Json;
import dev.vulcan.tool.layout.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The category rules of {@code dev/vulcan/tool/layout/categories.json}: path conventions, names and
 * generated-code markers. Rules apply in the order of {@link Category}, the first match winning.
 */
public final class CategoryRules {

    /** The classpath resource of the default rules. */
    public static final String RESOURCE = "dev/vulcan/tool/layout/categories.json";

    private static final CategoryRules DEFAULT = load(RESOURCE);

    private final Set<String> vendoredDirs;
    private final Set<String> generatedDirs;
    private final Set<String> generatedFilenames;
    private final List<String> generatedSuffixes;
    private final List<String> markers;
    private final List<String> commentLeaders;
    private final int headerLines;
    private final int headerBytes;
    private final Set<String> testDirs;
    private final List<Pattern> testPatterns;
    private final Set<String> buildFilenames;
    private final List<String> buildPrefixes;
    private final Set<String> docsDirs;
    private final List<String> docsPrefixes;
    private final Set<String> dataDirs;

    private CategoryRules(JsonNode root, String resource) {
        vendoredDirs = lowerSet(root.at("/vendored/directories"));
        generatedDirs = lowerSet(root.at("/generated/directories"));
        generatedFilenames = Set.copyOf(strings(root.at("/generated/filenames")));
        generatedSuffixes = strings(root.at("/generated/suffixes"));
        markers = strings(root.at("/generated/markers"));
        commentLeaders = strings(root.at("/generated/comment_leaders"));
        headerLines = root.at("/generated/header_lines").asInt(0);
        headerBytes = root.at("/generated/header_bytes").asInt(0);
        if (headerLines <= 0 || headerBytes <= 0 || markers.isEmpty() || commentLeaders.isEmpty()) {
            throw new IllegalStateException(resource + ": generated.markers, comment_leaders, header_lines and "
                    + "header_bytes are required");
        }
        testDirs = lowerSet(root.at("/test/directories"));
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : strings(root.at("/test/filename_patterns"))) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(resource + ": invalid test filename pattern " + regex, e);
            }
        }
        testPatterns = List.copyOf(patterns);
        buildFilenames = Set.copyOf(strings(root.at("/build/filenames")));
        buildPrefixes = strings(root.at("/build/path_prefixes"));
        docsDirs = lowerSet(root.at("/docs/directories"));
        docsPrefixes = strings(root.at("/docs/filename_prefixes"));
        dataDirs = lowerSet(root.at("/data/directories"));
    }

    /**
     * Returns the rules packaged with the tool.
     *
     * @return the default rules
     */
    public static CategoryRules defaults() {
        return DEFAULT;
    }

    /**
     * Loads rules from a classpath resource.
     *
     * @param resource the resource name
     * @return the rules
     * @throws IllegalStateException if the resource is missing or invalid
     */
    public static CategoryRules load(String resource) {
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = CategoryRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("category rules " + resource + " are not on the classpath");
            }
            return new CategoryRules(Json.read(in, resource), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Returns how many header lines are searched for generated-code markers.
     *
     * @return the line count
     */
    public int headerLines() {
        return headerLines;
    }

    /**
     * Returns how many header bytes at most are searched for generated-code markers.
     *
     * @return the byte count
     */
    public int headerBytes() {
        return headerBytes;
    }

    /**
     * Tells whether a header line marks generated code: after leading blanks it starts with a comment leader
     * and it contains a marker such as {@code DO NOT EDIT}.
     *
     * @param line one line of the file header
     * @return true for a generated-code marker line
     */
    public boolean isMarkerLine(String line) {
        Objects.requireNonNull(line, "line");
        String trimmed = line.strip();
        return commentLeaders.stream().anyMatch(trimmed::startsWith) && markers.stream().anyMatch(trimmed::contains);
    }

    /**
     * Decides a file's category.
     *
     * @param path the repo-relative path
     * @param language the detected language, or null
     * @param binary whether the content is binary (false when unknown)
     * @param generatedMarker whether the header holds a generated-code marker
     * @return the category
     */
    public Category categorize(String path, Language language, boolean binary, boolean generatedMarker) {
        Objects.requireNonNull(path, "path");
        int slash = path.lastIndexOf('/');
        String filename = path.substring(slash + 1);
        List<String> dirs = slash < 0 ? List.of()
                : List.of(path.substring(0, slash).toLowerCase(Locale.ROOT).split("/"));
        if (dirs.stream().anyMatch(vendoredDirs::contains)) {
            return Category.VENDORED;
        }
        if (generatedMarker || generatedFilenames.contains(filename) || dirs.stream().anyMatch(generatedDirs::contains)
                || generatedSuffixes.stream().anyMatch(filename::endsWith)) {
            return Category.GENERATED;
        }
        if (binary) {
            return Category.BINARY;
        }
        if (dirs.stream().anyMatch(testDirs::contains) || testPatterns.stream().anyMatch(p -> p.matcher(filename).matches())) {
            return Category.TEST;
        }
        if (buildFilenames.contains(filename) || buildPrefixes.stream().anyMatch(path::startsWith)
                || (language != null && language.kind() == LanguageKind.BUILD)) {
            return Category.BUILD;
        }
        if (docsPrefixes.stream().anyMatch(filename::startsWith) || dirs.stream().anyMatch(docsDirs::contains)
                || (language != null && language.kind() == LanguageKind.PROSE)) {
            return Category.DOCS;
        }
        if ((language != null && language.kind() == LanguageKind.CONFIG)
                || (language == null && filename.startsWith("."))) {
            return Category.CONFIG;
        }
        if ((language != null && language.kind() == LanguageKind.DATA) || dirs.stream().anyMatch(dataDirs::contains)) {
            return Category.DATA;
        }
        if (language != null) {
            return language.kind().category();
        }
        return Category.OTHER;
    }

    private static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }

    private static Set<String> lowerSet(JsonNode array) {
        Set<String> values = new HashSet<>();
        strings(array).forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(values);
    }
}
