package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.tool.githistory.GitHistoryOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns accumulated {@link HistoryStats} into the tool's {@code data} object (schema
 * {@code schemas/output.schema.json}): summary, files, authors, coupling and orphaned files. Fractions are
 * rounded to 6 decimals; every ordering is total, so equal inputs give byte-identical output.
 */
public final class ReportBuilder {

    private static final int SCALE = 6;

    private ReportBuilder() {
    }

    /**
     * The facts of a run the report states besides the statistics.
     *
     * @param referenceTime the "now" of windows and ages
     * @param referenceFromCommit true when it is the analyzed commit's committer time, false when configured
     * @param truncated true when the commit limit cut the history
     * @param mailMapEntries the entries of the {@code .mailmap} used (0 when none)
     */
    public record RunFacts(Instant referenceTime, boolean referenceFromCommit, boolean truncated, int mailMapEntries) {

        /**
         * Creates the facts.
         *
         * @throws NullPointerException if the reference time is null
         */
        public RunFacts {
            Objects.requireNonNull(referenceTime, "referenceTime");
        }
    }

    /**
     * Builds the data object.
     *
     * @param stats the statistics
     * @param options the options used
     * @param names how authors are named
     * @param facts the facts of the run
     * @return the data object
     */
    public static ObjectNode build(HistoryStats stats, GitHistoryOptions options, AuthorNames names, RunFacts facts) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(facts, "facts");
        Instant reference = facts.referenceTime();
        Instant recentSince = reference.minus(Duration.ofDays(options.recentWindowDays()));
        Instant goneBefore = reference.minus(Duration.ofDays(options.inactiveAfterDays()));

        Map<String, String> outputName = new HashMap<>();
        for (HistoryStats.AuthorStats a : stats.authors().values()) {
            outputName.put(a.key(), names.name(a.key(), a.name()));
        }

        // Knowledge: DOA authors per file, truck factor, orphaned files.
        List<String> paths = stats.paths();
        Map<String, Set<String>> doaByFile = new LinkedHashMap<>();
        Map<String, Integer> filesAuthored = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            HistoryStats.FileStats f = stats.file(i);
            if (f.revisions() == 0) {
                continue;
            }
            Map<String, Integer> changes = new HashMap<>();
            f.byAuthor().forEach((k, v) -> changes.put(k, (int) v[1]));
            List<String> authors = TruckFactor.authors(f.creator(), changes);
            doaByFile.put(paths.get(i), new LinkedHashSet<>(authors));
            authors.forEach(a -> filesAuthored.merge(a, 1, Integer::sum));
        }
        TruckFactor.Result truck = TruckFactor.compute(doaByFile);

        ObjectNode data = Json.object();
        ObjectNode summary = data.putObject("summary");
        ArrayNode files = data.putArray("files");
        ArrayNode orphans = Json.array();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            HistoryStats.FileStats f = stats.file(i);
            ObjectNode node = files.addObject();
            node.put("path", path);
            node.put("file_id", CanonicalIds.fileId(path));
            node.put("revisions", f.revisions());
            node.put("lines_added", f.linesAdded());
            node.put("lines_deleted", f.linesDeleted());
            node.put("churn", f.linesAdded() + f.linesDeleted());
            node.put("binary_revisions", f.binaryRevisions());
            node.put("unique_authors", f.byAuthor().size());
            putTime(node, "first_commit_at", f.firstCommitAt());
            putTime(node, "last_commit_at", f.lastCommitAt());
            if (f.lastCommitAt() == null) {
                node.putNull("age_days");
            } else {
                node.put("age_days", HistoryStats.daysBetween(f.lastCommitAt(), reference));
            }
            ownership(node, f, outputName);
            node.put("recent_revisions", f.recentRevisions());
            node.put("recent_lines_added", f.recentLinesAdded());
            node.put("recent_lines_deleted", f.recentLinesDeleted());
            node.put("coupling_revisions", f.couplingRevisions());
            ArrayNode doa = node.putArray("doa_authors");
            Set<String> owners = doaByFile.getOrDefault(path, Set.of());
            boolean orphaned = !owners.isEmpty();
            Instant ownersLast = null;
            for (String owner : owners) {
                doa.add(outputName.get(owner));
                HistoryStats.AuthorStats a = stats.authors().get(owner);
                if (a.activeSince(goneBefore)) {
                    orphaned = false;
                }
                ownersLast = ownersLast == null || a.lastCommitAt().isAfter(ownersLast) ? a.lastCommitAt() : ownersLast;
            }
            node.put("orphaned", orphaned);
            ArrayNode previous = node.putArray("previous_paths");
            f.previousPaths().forEach(previous::add);
            if (orphaned) {
                ObjectNode orphan = orphans.addObject();
                orphan.put("path", path);
                orphan.put("file_id", CanonicalIds.fileId(path));
                orphan.set("doa_authors", doa.deepCopy());
                putTime(orphan, "doa_authors_last_commit_at", ownersLast);
            }
        }

        ArrayNode authors = data.putArray("authors");
        List<HistoryStats.AuthorStats> ranked = new ArrayList<>(stats.authors().values());
        ranked.sort(Comparator.comparingInt((HistoryStats.AuthorStats a) -> -a.commits())
                .thenComparing(a -> outputName.get(a.key()))
                .thenComparing(HistoryStats.AuthorStats::key));
        int active = 0;
        for (HistoryStats.AuthorStats a : ranked) {
            ObjectNode node = authors.addObject();
            node.put("name", outputName.get(a.key()));
            if (options.emitEmails() && !names.anonymizing() && !a.email().isEmpty()) {
                node.put("email", a.email());
            }
            node.put("commits", a.commits());
            node.put("lines_added", a.linesAdded());
            node.put("lines_deleted", a.linesDeleted());
            node.put("files_touched", a.filesTouched());
            node.put("files_authored", filesAuthored.getOrDefault(a.key(), 0));
            putTime(node, "first_commit_at", a.firstCommitAt());
            putTime(node, "last_commit_at", a.lastCommitAt());
            boolean isActive = a.activeSince(recentSince);
            active += isActive ? 1 : 0;
            node.put("active", isActive);
            node.put("gone", !a.activeSince(goneBefore));
        }

        List<ObjectNode> pairs = coupling(stats, options);
        ArrayNode coupling = data.putArray("coupling");
        pairs.stream().limit(options.maxCouplingPairs()).forEach(coupling::add);
        data.set("orphaned_files", orphans);

        summary.put("commit_count", stats.commitCount());
        summary.put("merge_commit_count", stats.mergeCommitCount());
        summary.put("author_count", stats.authors().size());
        summary.put("active_authors", active);
        summary.put("file_count", paths.size());
        summary.put("files_with_history", doaByFile.size());
        if (doaByFile.isEmpty()) {
            summary.putNull("truck_factor");
        } else {
            summary.put("truck_factor", truck.truckFactor());
        }
        ArrayNode truckAuthors = summary.putArray("truck_factor_authors");
        truck.removedAuthors().forEach(a -> truckAuthors.add(outputName.get(a)));
        summary.put("orphaned_file_count", orphans.size());
        summary.put("coupling_pair_count", pairs.size());
        putTime(summary, "first_commit_at", stats.firstCommitAt());
        putTime(summary, "last_commit_at", stats.lastCommitAt());
        summary.put("reference_time", reference.toString());
        summary.put("reference_time_source", facts.referenceFromCommit() ? "analyzed_commit" : "configured");
        summary.put("recent_window_days", options.recentWindowDays());
        summary.put("inactive_after_days", options.inactiveAfterDays());
        summary.put("history_truncated", facts.truncated());
        summary.put("max_commits", options.maxCommits());
        summary.put("mailmap_entries", facts.mailMapEntries());
        summary.put("anonymized", names.anonymizing());
        ObjectNode thresholds = summary.putObject("coupling_thresholds");
        thresholds.put("min_revisions", options.minRevisions());
        thresholds.put("min_shared_revisions", options.minSharedRevisions());
        thresholds.put("min_coupling", options.minCoupling());
        thresholds.put("max_coupling", options.maxCoupling());
        thresholds.put("max_changeset_size", options.maxChangesetSize());
        ArrayNode months = summary.putArray("commits_per_month");
        for (Map.Entry<YearMonth, Integer> e : stats.commitsPerMonth().entrySet()) {
            ObjectNode month = months.addObject();
            month.put("month", e.getKey().toString());
            month.put("commits", e.getValue());
        }
        return data;
    }

    /** Main author, share and fragmentation on added lines (revisions when no line was added), fractal value. */
    private static void ownership(ObjectNode node, HistoryStats.FileStats f, Map<String, String> outputName) {
        if (f.revisions() == 0) {
            node.putNull("main_author");
            node.putNull("main_author_share");
            node.putNull("ownership_basis");
            node.putNull("fragmentation");
            node.putNull("fractal_value");
            return;
        }
        boolean byLines = f.linesAdded() > 0;
        double total = byLines ? f.linesAdded() : f.revisions();
        String main = null;
        double mainShare = -1;
        double sumSquares = 0;
        double revSquares = 0;
        for (Map.Entry<String, long[]> e : f.byAuthor().entrySet()) {
            double share = (byLines ? e.getValue()[0] : e.getValue()[1]) / total;
            sumSquares += share * share;
            double revShare = e.getValue()[1] / (double) f.revisions();
            revSquares += revShare * revShare;
            String name = outputName.get(e.getKey());
            if (share > mainShare || share == mainShare && name.compareTo(main) < 0) {
                main = name;
                mainShare = share;
            }
        }
        node.put("main_author", main);
        node.put("main_author_share", round(mainShare));
        node.put("ownership_basis", byLines ? "lines_added" : "revisions");
        node.put("fragmentation", round(1 - sumSquares));
        node.put("fractal_value", round(1 - revSquares));
    }

    /** Logical coupling as code-maat computes it, strongest first. */
    private static List<ObjectNode> coupling(HistoryStats stats, GitHistoryOptions options) {
        List<String> paths = stats.paths();
        List<ObjectNode> result = new ArrayList<>();
        stats.forEachPair((a, b, shared) -> {
            double average = (stats.file(a).couplingRevisions() + stats.file(b).couplingRevisions()) / 2.0;
            double degree = shared / average * 100;
            if (average < options.minRevisions() || shared < options.minSharedRevisions()
                    || degree < options.minCoupling() || Math.floor(degree) > options.maxCoupling()) {
                return;
            }
            ObjectNode node = Json.object();
            node.put("path", paths.get(a));
            node.put("coupled_path", paths.get(b));
            node.put("file_id", CanonicalIds.fileId(paths.get(a)));
            node.put("coupled_file_id", CanonicalIds.fileId(paths.get(b)));
            node.put("shared_revisions", shared);
            node.put("average_revisions", round(average));
            node.put("degree", (int) Math.floor(degree));
            result.add(node);
        });
        result.sort(Comparator.comparingInt((ObjectNode n) -> -n.get("degree").intValue())
                .thenComparingInt(n -> -n.get("shared_revisions").intValue())
                .thenComparing(n -> n.get("path").asString())
                .thenComparing(n -> n.get("coupled_path").asString()));
        return result;
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        if (time == null) {
            node.putNull(field);
        } else {
            node.put(field, time.toString());
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }
}
