package dev.vulcan.core.severity;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the severity vocabularies tools emit onto {@link Severity}: CRITICAL/BLOCKER/HIGH/MAJOR/MEDIUM/
 * MODERATE/MINOR/LOW/INFO/HINT (any case), SARIF levels (error, warning, note, none) and numeric priorities
 * 1 (most severe) to 5. Anything else maps to {@link Severity#UNKNOWN}, never silently to a real level.
 */
public final class SeverityMapper {

    private static final Map<String, Severity> WORDS = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL),
            Map.entry("blocker", Severity.CRITICAL),
            Map.entry("fatal", Severity.CRITICAL),
            Map.entry("high", Severity.HIGH),
            Map.entry("major", Severity.HIGH),
            Map.entry("error", Severity.HIGH),
            Map.entry("medium", Severity.MEDIUM),
            Map.entry("moderate", Severity.MEDIUM),
            Map.entry("warning", Severity.MEDIUM),
            Map.entry("minor", Severity.LOW),
            Map.entry("low", Severity.LOW),
            Map.entry("note", Severity.LOW),
            Map.entry("info", Severity.INFO),
            Map.entry("informational", Severity.INFO),
            Map.entry("hint", Severity.INFO),
            Map.entry("none", Severity.INFO));

    private SeverityMapper() {
    }

    /**
     * Normalizes a severity as a tool wrote it. SARIF levels map as error=high, warning=medium, note=low,
     * none=info; a numeric string is read as a priority (see {@link #fromPriority(int)}).
     *
     * @param raw the tool's severity, may be null
     * @return the severity, {@link Severity#UNKNOWN} when null, blank or not recognized
     */
    public static Severity normalize(String raw) {
        if (raw == null) {
            return Severity.UNKNOWN;
        }
        String word = raw.trim().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return Severity.UNKNOWN;
        }
        if (word.chars().allMatch(Character::isDigit) && word.length() <= 3) {
            return fromPriority(Integer.parseInt(word));
        }
        return WORDS.getOrDefault(word, Severity.UNKNOWN);
    }

    /**
     * Maps a numeric priority: 1=critical, 2=high, 3=medium, 4=low, 5=info.
     *
     * @param priority the priority
     * @return the severity, {@link Severity#UNKNOWN} outside 1..5
     */
    public static Severity fromPriority(int priority) {
        switch (priority) {
            case 1:
                return Severity.CRITICAL;
            case 2:
                return Severity.HIGH;
            case 3:
                return Severity.MEDIUM;
            case 4:
                return Severity.LOW;
            case 5:
                return Severity.INFO;
            default:
                return Severity.UNKNOWN;
        }
    }
}
