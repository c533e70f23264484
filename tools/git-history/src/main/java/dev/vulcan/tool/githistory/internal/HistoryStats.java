package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.paths.RepoPaths;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Accumulates the statistics of a walked history, one {@link CommitRecord} at a time, without keeping the
 * commits: per current file, per author (merged through {@code .mailmap}), co-change pairs for coupling and
 * commits per month. Not thread-safe.
 */
public final class HistoryStats implements Consumer<CommitRecord> {

    private static final int MAX_PREVIOUS_PATHS = 20;

    private final List<String> paths;
    private final Map<String, Integer> index;
    private final FileStats[] files;
    private final MailMap mailMap;
    private final Instant recentSince;
    private final int maxChangesetSize;
    private final Map<String, AuthorStats> authors = new LinkedHashMap<>();
    private final PairCounter pairs = new PairCounter();
    private final TreeMap<YearMonth, int[]> monthly = new TreeMap<>();
    private final Map<RawIdentity, Resolved> identities = new HashMap<>();
    /** Per current file, its slot in the scratch arrays while a commit is added; -1 otherwise. */
    private final int[] slotOf;
    private int[] touched = new int[16];
    private int[] added = new int[16];
    private int[] deleted = new int[16];
    private boolean[] binary = new boolean[16];
    private int[] monthCounter;
    private long monthStart;
    private long monthEnd;
    private int commitCount;
    private int mergeCommitCount;
    private Instant firstCommitAt;
    private Instant lastCommitAt;

    /**
     * Creates empty statistics.
     *
     * @param currentPaths the files at the analyzed commit
     * @param mailMap the identity mapping
     * @param recentSince the start of the recent window
     * @param maxChangesetSize commits changing more files are left out of coupling
     */
    public HistoryStats(List<String> currentPaths, MailMap mailMap, Instant recentSince, int maxChangesetSize) {
        this.paths = currentPaths.stream().sorted().distinct().toList();
        this.index = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            index.put(paths.get(i), i);
        }
        this.files = new FileStats[paths.size()];
        this.slotOf = new int[paths.size()];
        Arrays.fill(slotOf, -1);
        for (int i = 0; i < files.length; i++) {
            files[i] = new FileStats();
        }
        this.mailMap = Objects.requireNonNull(mailMap, "mailMap");
        this.recentSince = Objects.requireNonNull(recentSince, "recentSince");
        if (maxChangesetSize <= 0) {
            throw new IllegalArgumentException("maxChangesetSize must be positive");
        }
        this.maxChangesetSize = maxChangesetSize;
    }

    /**
     * Adds one commit.
     *
     * @param commit the commit
     */
    @Override
    public void accept(CommitRecord commit) {
        Objects.requireNonNull(commit, "commit");
        commitCount++;
        if (commit.merge()) {
            mergeCommitCount++;
        }
        Instant time = commit.authorTime();
        firstCommitAt = firstCommitAt == null || time.isBefore(firstCommitAt) ? time : firstCommitAt;
        lastCommitAt = lastCommitAt == null || time.isAfter(lastCommitAt) ? time : lastCommitAt;
        countMonth(time);

        Resolved resolved = identities.computeIfAbsent(new RawIdentity(commit.authorName(), commit.authorEmail()),
                this::resolve);
        AuthorStats author = resolved.author();
        author.commit(resolved.identity(), time);
        boolean recent = !time.isBefore(recentSince);

        // the distinct current files of this commit, summed over their changes (slotOf is reset below)
        List<FileChange> changes = commit.changes();
        ensureScratch(changes.size());
        int distinct = 0;
        for (FileChange change : changes) {
            author.linesAdded += change.linesAdded();
            author.linesDeleted += change.linesDeleted();
            Integer boxed = change.currentPath() == null ? null : index.get(change.currentPath());
            if (boxed == null) {
                continue;
            }
            int i = boxed;
            int slot = slotOf[i];
            if (slot < 0) {
                slot = distinct++;
                slotOf[i] = slot;
                touched[slot] = i;
                added[slot] = 0;
                deleted[slot] = 0;
                binary[slot] = false;
            }
            added[slot] += change.linesAdded();
            deleted[slot] += change.linesDeleted();
            binary[slot] |= change.binary();
            // An earlier path that is not a valid repo-relative path (backslash...) is not listed.
            if (!change.path().equals(change.currentPath()) && files[i].previousPaths.size() < MAX_PREVIOUS_PATHS
                    && RepoPaths.isValid(change.path())) {
                files[i].previousPaths.add(change.path());
            }
        }
        boolean coupled = !changes.isEmpty() && changes.size() <= maxChangesetSize;
        for (int slot = 0; slot < distinct; slot++) {
            int i = touched[slot];
            slotOf[i] = -1;
            // the author's own key instance: equal to the key, with its hash cached and compared by identity first
            files[i].change(author.key(), time, added[slot], deleted[slot], binary[slot], recent, coupled);
            author.filesTouched.set(i);
        }
        if (coupled && distinct > 1) {
            int[] changed = Arrays.copyOf(touched, distinct);
            Arrays.sort(changed);
            for (int x = 0; x < changed.length; x++) {
                for (int y = x + 1; y < changed.length; y++) {
                    pairs.increment(pairKey(changed[x], changed[y]));
                }
            }
        }
    }

    /** The identity of a commit's author as recorded, before {@code .mailmap}. */
    private record RawIdentity(String name, String email) {
    }

    /** The canonical identity of a recorded identity and its author statistics. */
    private record Resolved(MailMap.Identity identity, AuthorStats author) {
    }

    private Resolved resolve(RawIdentity raw) {
        MailMap.Identity identity = mailMap.map(raw.name(), raw.email());
        String key = identityKey(identity);
        return new Resolved(identity, authors.computeIfAbsent(key, k -> new AuthorStats(k)));
    }

    /** Counts a commit in its calendar month (UTC), reusing the counter of the previous commit's month. */
    private void countMonth(Instant time) {
        long second = time.getEpochSecond();
        if (monthCounter == null || second < monthStart || second >= monthEnd) {
            YearMonth month = YearMonth.from(time.atOffset(ZoneOffset.UTC));
            monthCounter = monthly.computeIfAbsent(month, m -> new int[1]);
            monthStart = month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        monthCounter[0]++;
    }

    private void ensureScratch(int size) {
        if (touched.length < size) {
            int length = Math.max(size, touched.length * 2);
            touched = new int[length];
            added = new int[length];
            deleted = new int[length];
            binary = new boolean[length];
        }
    }

    /**
     * Returns the key that identifies an author: the canonical e-mail in lower case, or the canonical name when
     * the e-mail is empty.
     *
     * @param identity the canonical identity
     * @return the key
     */
    public static String identityKey(MailMap.Identity identity) {
        String email = identity.email().strip().toLowerCase(Locale.ROOT);
        return email.isEmpty() ? "name:" + identity.name().strip() : email;
    }

    /**
     * Returns the current files, sorted.
     *
     * @return the paths
     */
    public List<String> paths() {
        return paths;
    }

    /**
     * Returns the statistics of a current file.
     *
     * @param i the file's position in {@link #paths()}
     * @return its statistics
     */
    public FileStats file(int i) {
        return files[i];
    }

    /**
     * Returns the authors, in first-seen order.
     *
     * @return the author statistics by identity key
     */
    public Map<String, AuthorStats> authors() {
        return Collections.unmodifiableMap(authors);
    }

    /**
     * Calls an action for every pair of current files changed together by a coupling-eligible commit, in no
     * particular order.
     *
     * @param action receives the two file indexes (low, high) and their shared revisions
     */
    public void forEachPair(PairAction action) {
        Objects.requireNonNull(action, "action");
        int n = paths.size();
        pairs.forEach((key, shared) -> action.accept((int) (key / n), (int) (key % n), shared));
    }

    /** Receives one co-changed pair. */
    @FunctionalInterface
    public interface PairAction {

        /**
         * Receives a pair.
         *
         * @param low the smaller file index
         * @param high the larger file index
         * @param shared the commits that changed both
         */
        void accept(int low, int high, int shared);
    }

    private long pairKey(int low, int high) {
        return (long) low * paths.size() + high;
    }

    /**
     * Returns the commits per calendar month (UTC, by author time), every month from the first to the last.
     *
     * @return counts by month, in order
     */
    public Map<YearMonth, Integer> commitsPerMonth() {
        Map<YearMonth, Integer> series = new LinkedHashMap<>();
        if (monthly.isEmpty()) {
            return series;
        }
        for (YearMonth m = monthly.firstKey(); !m.isAfter(monthly.lastKey()); m = m.plusMonths(1)) {
            int[] count = monthly.get(m);
            series.put(m, count == null ? 0 : count[0]);
        }
        return series;
    }

    /**
     * Returns the commits added.
     *
     * @return the commit count, merges included
     */
    public int commitCount() {
        return commitCount;
    }

    /**
     * Returns the merge commits added.
     *
     * @return the merge count
     */
    public int mergeCommitCount() {
        return mergeCommitCount;
    }

    /**
     * Returns the earliest author time seen.
     *
     * @return the time, or null without commits
     */
    public Instant firstCommitAt() {
        return firstCommitAt;
    }

    /**
     * Returns the latest author time seen.
     *
     * @return the time, or null without commits
     */
    public Instant lastCommitAt() {
        return lastCommitAt;
    }

    /** The history of one current file. */
    public static final class FileStats {
        int revisions;
        long linesAdded;
        long linesDeleted;
        int binaryRevisions;
        int recentRevisions;
        long recentLinesAdded;
        long recentLinesDeleted;
        int couplingRevisions;
        Instant firstCommitAt;
        Instant lastCommitAt;
        String creator;
        final Map<String, long[]> byAuthor = new LinkedHashMap<>();
        final Set<String> previousPaths = new LinkedHashSet<>();

        FileStats() {
        }

        void change(String author, Instant time, int added, int deleted, boolean binary, boolean recent,
                boolean coupled) {
            revisions++;
            linesAdded += added;
            linesDeleted += deleted;
            binaryRevisions += binary ? 1 : 0;
            if (recent) {
                recentRevisions++;
                recentLinesAdded += added;
                recentLinesDeleted += deleted;
            }
            if (coupled) {
                couplingRevisions++;
            }
            // Walked newest first: on equal times the later-seen (older in the walk) commit is the creator.
            if (firstCommitAt == null || !time.isAfter(firstCommitAt)) {
                firstCommitAt = time;
                creator = author;
            }
            if (lastCommitAt == null || time.isAfter(lastCommitAt)) {
                lastCommitAt = time;
            }
            long[] mine = byAuthor.computeIfAbsent(author, k -> new long[2]);
            mine[0] += added;
            mine[1]++;
        }

        /**
         * Returns the revisions (non-merge commits that changed the file).
         *
         * @return the count
         */
        public int revisions() {
            return revisions;
        }

        /**
         * Returns the lines added over all revisions.
         *
         * @return the count
         */
        public long linesAdded() {
            return linesAdded;
        }

        /**
         * Returns the lines deleted over all revisions.
         *
         * @return the count
         */
        public long linesDeleted() {
            return linesDeleted;
        }

        /**
         * Returns the revisions counted without a line diff.
         *
         * @return the count
         */
        public int binaryRevisions() {
            return binaryRevisions;
        }

        /**
         * Returns the revisions in the recent window.
         *
         * @return the count
         */
        public int recentRevisions() {
            return recentRevisions;
        }

        /**
         * Returns the lines added in the recent window.
         *
         * @return the count
         */
        public long recentLinesAdded() {
            return recentLinesAdded;
        }

        /**
         * Returns the lines deleted in the recent window.
         *
         * @return the count
         */
        public long recentLinesDeleted() {
            return recentLinesDeleted;
        }

        /**
         * Returns the revisions in commits small enough for coupling.
         *
         * @return the count
         */
        public int couplingRevisions() {
            return couplingRevisions;
        }

        /**
         * Returns the earliest author time.
         *
         * @return the time, or null without revisions
         */
        public Instant firstCommitAt() {
            return firstCommitAt;
        }

        /**
         * Returns the latest author time.
         *
         * @return the time, or null without revisions
         */
        public Instant lastCommitAt() {
            return lastCommitAt;
        }

        /**
         * Returns the identity key of the author of the earliest revision.
         *
         * @return the key, or null without revisions
         */
        public String creator() {
            return creator;
        }

        /**
         * Returns, per author key, {lines added, revisions}.
         *
         * @return the contributions
         */
        public Map<String, long[]> byAuthor() {
            return Collections.unmodifiableMap(byAuthor);
        }

        /**
         * Returns the earlier paths of the file (renames followed), newest first, at most 20.
         *
         * @return the paths
         */
        public List<String> previousPaths() {
            return List.copyOf(previousPaths);
        }
    }

    /** The history of one author (one identity after {@code .mailmap}). */
    public static final class AuthorStats {
        private final String key;
        String name;
        String email;
        Instant nameTime;
        int commits;
        long linesAdded;
        long linesDeleted;
        final BitSet filesTouched = new BitSet();
        Instant firstCommitAt;
        Instant lastCommitAt;

        AuthorStats(String key) {
            this.key = key;
        }

        void commit(MailMap.Identity identity, Instant time) {
            commits++;
            // The newest commit's spelling of the name wins; on equal times the first seen wins.
            if (nameTime == null || time.isAfter(nameTime)) {
                nameTime = time;
                name = identity.name().strip();
                email = identity.email().strip();
            }
            firstCommitAt = firstCommitAt == null || time.isBefore(firstCommitAt) ? time : firstCommitAt;
            lastCommitAt = lastCommitAt == null || time.isAfter(lastCommitAt) ? time : lastCommitAt;
        }

        /**
         * Returns the identity key.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * Returns the canonical name (as spelled in the author's newest commit).
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Returns the canonical e-mail.
         *
         * @return the e-mail, possibly empty
         */
        public String email() {
            return email;
        }

        /**
         * Returns the commits authored, merges included.
         *
         * @return the count
         */
        public int commits() {
            return commits;
        }

        /**
         * Returns the lines added in all files (current or not) by the author's non-merge commits.
         *
         * @return the count
         */
        public long linesAdded() {
            return linesAdded;
        }

        /**
         * Returns the lines deleted in all files (current or not) by the author's non-merge commits.
         *
         * @return the count
         */
        public long linesDeleted() {
            return linesDeleted;
        }

        /**
         * Returns the number of current files the author changed.
         *
         * @return the count
         */
        public int filesTouched() {
            return filesTouched.cardinality();
        }

        /**
         * Returns the earliest author time.
         *
         * @return the time
         */
        public Instant firstCommitAt() {
            return firstCommitAt;
        }

        /**
         * Returns the latest author time.
         *
         * @return the time
         */
        public Instant lastCommitAt() {
            return lastCommitAt;
        }

        /**
         * Tells whether the author made a commit at or after a time.
         *
         * @param since the time
         * @return true when active since then
         */
        public boolean activeSince(Instant since) {
            return lastCommitAt != null && !lastCommitAt.isBefore(since);
        }
    }

    /**
     * Returns a duration in whole days, rounded down.
     *
     * @param from the start
     * @param to the end
     * @return the days, never negative
     */
    public static long daysBetween(Instant from, Instant to) {
        long days = Duration.between(from, to).toDays();
        return Math.max(0, days);
    }

    @Override
    public String toString() {
        return "HistoryStats[files=" + files.length + ", commits=" + commitCount + ", authors=" + authors.size()
                + ", pairs=" + pairs.size() + ", months=" + monthly.size() + "]";
    }
}
