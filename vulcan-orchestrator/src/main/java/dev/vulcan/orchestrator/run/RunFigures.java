package dev.vulcan.orchestrator.run;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The key figures of a run for the terminal summary, read from the run's validated artifacts: the file count
 * and languages from {@code layout-scanner} ({@code data.files[].language}), the lines of code from {@code loc}
 * ({@code data.files[].code}, else {@code lines}). A figure whose tool did not produce an artifact is null.
 *
 * @param files the files in the layout, or null
 * @param languages files per language, most files first (empty without a layout)
 * @param linesOfCode the code lines counted by loc, or null
 */
public record RunFigures(Long files, Map<String, Long> languages, Long linesOfCode) {

    /** The layout tool's name. */
    public static final String LAYOUT_TOOL = "layout-scanner";
    /** The lines-of-code tool's name. */
    public static final String LOC_TOOL = "loc";

    /**
     * Creates the figures.
     *
     * @throws NullPointerException if languages is null
     */
    public RunFigures {
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(languages, "languages")));
    }

    /**
     * Reads the figures of a run folder; unreadable or missing artifacts give null figures.
     *
     * @param runDir the run's output root
     * @return the figures
     */
    public static RunFigures read(Path runDir) {
        Objects.requireNonNull(runDir, "runDir");
        Long files = null;
        Map<String, Long> languages = new TreeMap<>();
        JsonNode layout = data(runDir, LAYOUT_TOOL);
        if (layout != null && layout.path("files").isArray()) {
            files = (long) layout.path("files").size();
            for (JsonNode file : layout.path("files")) {
                JsonNode language = file.path("language");
                if (language.isString() && !language.asString().isBlank()) {
                    languages.merge(language.asString(), 1L, Long::sum);
                }
            }
        }
        Long loc = null;
        JsonNode locData = data(runDir, LOC_TOOL);
        if (locData != null && locData.path("files").isArray()) {
            long sum = 0;
            for (JsonNode file : locData.path("files")) {
                JsonNode code = file.path("code");
                sum += code.isNumber() ? code.asLong() : file.path("lines").asLong(0);
            }
            loc = sum;
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        languages.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new RunFigures(files, sorted, loc);
    }

    private static JsonNode data(Path runDir, String tool) {
        Path output = runDir.resolve(tool).resolve(ArtifactIo.OUTPUT_FILE);
        if (!Files.isRegularFile(output)) {
            return null;
        }
        try {
            return Json.read(output).path("data");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
