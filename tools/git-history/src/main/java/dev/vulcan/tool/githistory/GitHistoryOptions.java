package dev.vulcan.tool.githistory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The git-history options, read from the {@code tool_specific} object of the tool config (the launcher's command
 * line is shared by all tools, so tool options live there). Every option has a documented default; an unknown
 * option or a value of the wrong type is rejected, never silently ignored.
 *
 * @param maxCommits the most commits walked, newest first; older history is left out and reported
 * @param recentWindowDays the window, in days before the reference time, of "recent" churn and active authors
 * @param inactiveAfterDays an author with no commit in this many days before the reference time is gone
 * @param minRevisions coupling: the least average revisions of a pair (code-maat {@code min-revs})
 * @param minSharedRevisions coupling: the least shared revisions of a pair (code-maat {@code min-shared-revs})
 * @param minCoupling coupling: the least degree in percent (code-maat {@code min-coupling})
 * @param maxCoupling coupling: the greatest degree in percent (code-maat {@code max-coupling})
 * @param maxChangesetSize coupling: commits changing more files than this are left out of coupling
 *     (code-maat {@code max-changeset-size})
 * @param anonymizeAuthors whether author identities are replaced by keyed hashes
 * @param anonymizationKey the secret key of those hashes, or null for a random key per execution
 * @param emitEmails whether author e-mail addresses are written (never when anonymizing)
 * @param referenceTime the "now" of windows and ages, or null for the committer time of the analyzed commit
 * @param maxCouplingPairs the most coupling pairs written, strongest first
 * @param historyBackend how history is read: the {@code git} executable, JGit, or the executable when installed
 */
public record GitHistoryOptions(
        int maxCommits,
        int recentWindowDays,
        int inactiveAfterDays,
        int minRevisions,
        int minSharedRevisions,
        int minCoupling,
        int maxCoupling,
        int maxChangesetSize,
        boolean anonymizeAuthors,
        String anonymizationKey,
        boolean emitEmails,
        Instant referenceTime,
        int maxCouplingPairs,
        HistoryBackend historyBackend) {

    /** Default of {@code max_commits}. */
    public static final int DEFAULT_MAX_COMMITS = 50_000;
    /** Default of {@code recent_window_days}. */
    public static final int DEFAULT_RECENT_WINDOW_DAYS = 90;
    /** Default of {@code inactive_after_days}. */
    public static final int DEFAULT_INACTIVE_AFTER_DAYS = 365;
    /** Default of {@code max_coupling_pairs}. */
    public static final int DEFAULT_MAX_COUPLING_PAIRS = 10_000;

    private static final Set<String> KNOWN = Set.of("max_commits", "recent_window_days", "inactive_after_days",
            "min_revisions", "min_shared_revisions", "min_coupling", "max_coupling", "max_changeset_size",
            "anonymize_authors", "anonymization_key", "emit_emails", "reference_time", "max_coupling_pairs",
            "history_backend");

    /**
     * Creates options.
     *
     * @throws IllegalArgumentException if a number is out of range, or e-mails are asked for while anonymizing
     */
    public GitHistoryOptions {
        positive("max_commits", maxCommits);
        positive("recent_window_days", recentWindowDays);
        positive("inactive_after_days", inactiveAfterDays);
        positive("min_revisions", minRevisions);
        positive("min_shared_revisions", minSharedRevisions);
        positive("max_changeset_size", maxChangesetSize);
        positive("max_coupling_pairs", maxCouplingPairs);
        if (minCoupling < 0 || maxCoupling > 100 || minCoupling > maxCoupling) {
            throw new IllegalArgumentException("need 0 <= min_coupling <= max_coupling <= 100, got " + minCoupling
                    + " and " + maxCoupling);
        }
        if (anonymizationKey != null && anonymizationKey.isEmpty()) {
            throw new IllegalArgumentException("anonymization_key must not be empty");
        }
        Objects.requireNonNull(historyBackend, "historyBackend");
        if (anonymizeAuthors && emitEmails) {
            throw new IllegalArgumentException("emit_emails cannot be combined with anonymize_authors");
        }
    }

    /**
     * Returns the defaults: 50,000 commits, a 90-day recent window, authors gone after 365 days, code-maat's
     * coupling thresholds (5 revisions, 5 shared revisions, 30 to 100 percent, changesets of at most 30 files),
     * real names without e-mails, the analyzed commit's time as reference, 10,000 coupling pairs, history read
     * by the {@code git} executable when it is installed ({@link HistoryBackend#AUTO}).
     *
     * @return the default options
     */
    public static GitHistoryOptions defaults() {
        return new GitHistoryOptions(DEFAULT_MAX_COMMITS, DEFAULT_RECENT_WINDOW_DAYS, DEFAULT_INACTIVE_AFTER_DAYS,
                5, 5, 30, 100, 30, false, null, false, null, DEFAULT_MAX_COUPLING_PAIRS,
                HistoryBackend.AUTO);
    }

    /**
     * Reads options from a {@code tool_specific} object; absent options keep their defaults.
     *
     * @param toolSpecific the object
     * @return the options
     * @throws IllegalArgumentException naming the option when one is unknown, of the wrong type or out of range
     */
    public static GitHistoryOptions fromToolSpecific(ObjectNode toolSpecific) {
        Objects.requireNonNull(toolSpecific, "toolSpecific");
        for (String name : toolSpecific.propertyNames()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown git-history option tool_specific." + name
                        + " (known: " + new java.util.TreeSet<>(KNOWN) + ")");
            }
        }
        GitHistoryOptions d = defaults();
        String key = text(toolSpecific, "anonymization_key", d.anonymizationKey());
        String reference = text(toolSpecific, "reference_time", null);
        Instant referenceTime = null;
        if (reference != null) {
            try {
                referenceTime = Instant.parse(reference);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("tool_specific.reference_time is not an ISO-8601 instant: "
                        + reference, e);
            }
        }
        return new GitHistoryOptions(
                integer(toolSpecific, "max_commits", d.maxCommits()),
                integer(toolSpecific, "recent_window_days", d.recentWindowDays()),
                integer(toolSpecific, "inactive_after_days", d.inactiveAfterDays()),
                integer(toolSpecific, "min_revisions", d.minRevisions()),
                integer(toolSpecific, "min_shared_revisions", d.minSharedRevisions()),
                integer(toolSpecific, "min_coupling", d.minCoupling()),
                integer(toolSpecific, "max_coupling", d.maxCoupling()),
                integer(toolSpecific, "max_changeset_size", d.maxChangesetSize()),
                bool(toolSpecific, "anonymize_authors", d.anonymizeAuthors()),
                key,
                bool(toolSpecific, "emit_emails", d.emitEmails()),
                referenceTime,
                integer(toolSpecific, "max_coupling_pairs", d.maxCouplingPairs()),
                backend(toolSpecific, d.historyBackend()));
    }

    private static int integer(ObjectNode node, String name, int fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("tool_specific." + name + " must be an integer, got " + value);
        }
        return value.intValue();
    }

    private static HistoryBackend backend(ObjectNode node, HistoryBackend fallback) {
        String code = text(node, "history_backend", null);
        return code == null ? fallback : HistoryBackend.fromCode(code);
    }

    private static boolean bool(ObjectNode node, String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("tool_specific." + name + " must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static String text(ObjectNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("tool_specific." + name + " must be a string");
        }
        return value.asString();
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("tool_specific." + name + " must be positive, got " + value);
        }
    }

    /**
     * Returns the options without the secret key in their text form.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "GitHistoryOptions[maxCommits=" + maxCommits + ", recentWindowDays=" + recentWindowDays
                + ", inactiveAfterDays=" + inactiveAfterDays + ", minRevisions=" + minRevisions
                + ", minSharedRevisions=" + minSharedRevisions + ", minCoupling=" + minCoupling
                + ", maxCoupling=" + maxCoupling + ", maxChangesetSize=" + maxChangesetSize
                + ", anonymizeAuthors=" + anonymizeAuthors + ", anonymizationKey="
                + (anonymizationKey == null ? "none" : "***") + ", emitEmails=" + emitEmails
                + ", referenceTime=" + referenceTime + ", maxCouplingPairs=" + maxCouplingPairs
                + ", historyBackend=" + historyBackend.code() + "]";
    }
}
