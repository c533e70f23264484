package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.envelope.ToolError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.StopWalkException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Walks the history reachable from the analyzed commit with JGit (never the {@code git} executable) and hands
 * each commit's changes to a consumer, newest first in topological order (a commit before its parents).
 *
 * <p>Rules, all documented in the README:
 * <ul>
 *   <li>Every reachable commit is walked (not only the first-parent chain), up to {@code maxCommits}.</li>
 *   <li>A commit with one parent is diffed against it and its changes are counted. A merge commit's changes
 *       are not counted (its content arrives through the merged commits, which are counted themselves, so
 *       nothing is counted twice, as {@code git log --no-merges}); its diffs against each parent are used only
 *       to follow renames. A root commit is diffed against the empty tree.</li>
 *   <li>Renames are detected as git does (content similarity of at least 50 %) and followed: changes made
 *       before a rename count for the file's current path. A file deleted and later re-created at the same path
 *       starts a new history at its re-creation.</li>
 *   <li>Binary files and files over {@value #MAX_DIFF_BYTES} bytes are counted as changed without a line
 *       diff.</li>
 *   <li>A shallow clone's boundary commits have no known parent: their changes are not counted and the
 *       result is partial. A commit whose objects are missing is skipped with an error.</li>
 * </ul>
 */
public final class HistoryWalker {

    /** Blobs larger than this are counted without a line diff. */
    public static final int MAX_DIFF_BYTES = 8 * 1024 * 1024;

    private static final int RENAME_SCORE = 50;
    private static final int RENAME_LIMIT = 1000;
    private static final int MAX_COMMIT_ERRORS = 20;

    private HistoryWalker() {
    }

    /**
     * What a walk did.
     *
     * @param commitsWalked commits handed to the consumer
     * @param truncated true when older commits were left out because of the commit limit
     * @param errors recoverable problems met
     */
    public record Outcome(int commitsWalked, boolean truncated, List<ToolError> errors) {

        /**
         * Creates an outcome.
         *
         * @throws IllegalArgumentException if the count is negative
         */
        public Outcome {
            if (commitsWalked < 0) {
                throw new IllegalArgumentException("commitsWalked must not be negative");
            }
            errors = List.copyOf(errors);
        }
    }

    /**
     * Walks the history.
     *
     * @param repository the repository
     * @param start the analyzed commit
     * @param currentPaths the files at the analyzed commit, whose history is followed
     * @param maxCommits the most commits walked
     * @param checkCancelled called regularly; throws to stop the walk
     * @param consumer receives each commit
     * @return what the walk did
     * @throws IOException if the analyzed commit itself cannot be read
     */
    public static Outcome walk(Repository repository, ObjectId start, Set<String> currentPaths, int maxCommits,
            Runnable checkCancelled, Consumer<CommitRecord> consumer) throws IOException {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(currentPaths, "currentPaths");
        Objects.requireNonNull(checkCancelled, "checkCancelled");
        Objects.requireNonNull(consumer, "consumer");
        if (maxCommits <= 0) {
            throw new IllegalArgumentException("maxCommits must be positive");
        }
        List<ToolError> errors = new ArrayList<>();
        Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
        int walked = 0;
        int shallowBoundaries = 0;
        int unreadable = 0;
        boolean truncated = false;
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            // Full ids in the (discarded) patch header: abbreviating would search the object store per file.
            diff.setAbbreviationLength(org.eclipse.jgit.lib.Constants.OBJECT_ID_STRING_LENGTH);
            diff.setBinaryFileThreshold(MAX_DIFF_BYTES);
            diff.setDetectRenames(true);
            diff.getRenameDetector().setRenameScore(RENAME_SCORE);
            diff.getRenameDetector().setRenameLimit(RENAME_LIMIT);
            walk.setRetainBody(false);
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.setRevFilter(new CancellationFilter(checkCancelled));
            RevCommit head = walk.parseCommit(start);
            walk.markStart(head);

            Map<RevCommit, PathMap> pending = new HashMap<>();
            pending.put(head, PathMap.identity(currentPaths));
            RevCommit commit;
            while (true) {
                try {
                    commit = walk.next();
                } catch (IOException e) {
                    errors.add(ToolError.recoverable("HISTORY_UNREADABLE", "the history cannot be read past "
                            + walked + " commits (" + e.getClass().getSimpleName() + "); older commits are left out",
                            null));
                    break;
                }
                if (commit == null) {
                    break;
                }
                if (walked >= maxCommits) {
                    truncated = true;
                    break;
                }
                checkCancelled.run();
                walked++;
                PathMap map = pending.remove(commit);
                if (map == null) {
                    map = PathMap.identity(List.of());
                }
                walk.parseBody(commit);
                PersonIdent author = commit.getAuthorIdent();
                String name = author == null ? "" : author.getName();
                String email = author == null ? "" : author.getEmailAddress();
                Instant time = author == null ? Instant.ofEpochSecond(commit.getCommitTime())
                        : author.getWhenAsInstant();
                RevCommit[] parents = commit.getParents();
                boolean merge = parents.length > 1;
                boolean known = true;
                List<FileChange> changes = List.of();
                Set<RevCommit> handed = new java.util.HashSet<>();
                try {
                    if (parents.length == 0) {
                        if (shallow.contains(commit)) {
                            known = false;
                            shallowBoundaries++;
                        } else {
                            changes = count(diff, diff.scan(null, commit.getTree()), map);
                        }
                    } else if (!merge) {
                        List<DiffEntry> entries = diff.scan(parents[0].getTree(), commit.getTree());
                        changes = count(diff, entries, map);
                        hand(pending, parents[0], follow(map, entries));
                        handed.add(parents[0]);
                    } else {
                        for (RevCommit parent : parents) {
                            hand(pending, parent, follow(map, diff.scan(parent.getTree(), commit.getTree())));
                            handed.add(parent);
                        }
                    }
                } catch (IOException e) {
                    known = false;
                    changes = List.of();
                    unreadable++;
                    if (unreadable <= MAX_COMMIT_ERRORS) {
                        errors.add(ToolError.recoverable("COMMIT_UNREADABLE", "changes of commit " + commit.name()
                                + " cannot be read (" + e.getClass().getSimpleName() + "); they are not counted",
                                null));
                    }
                    for (RevCommit parent : parents) {
                        if (!handed.contains(parent)) {
                            hand(pending, parent, map.share());
                        }
                    }
                }
                map.release();
                consumer.accept(new CommitRecord(commit.name(), name, email, time, merge, known, changes));
                commit.disposeBody();
            }
        }
        if (unreadable > MAX_COMMIT_ERRORS) {
            errors.add(ToolError.recoverable("COMMIT_UNREADABLE", (unreadable - MAX_COMMIT_ERRORS)
                    + " more commits could not be read; their changes are not counted", null));
        }
        if (shallowBoundaries > 0) {
            errors.add(ToolError.recoverable("SHALLOW_HISTORY", "the repository is a shallow clone: "
                    + shallowBoundaries + " boundary commit(s) have no parent; their changes are not counted and "
                    + "older history is absent", null));
        }
        if (truncated) {
            errors.add(ToolError.recoverable("HISTORY_TRUNCATED", "only the newest " + maxCommits
                    + " commits were walked (option max_commits); older history is left out", null));
        }
        return new Outcome(walked, truncated, errors);
    }

    private static void hand(Map<RevCommit, PathMap> pending, RevCommit parent, PathMap map) {
        PathMap existing = pending.get(parent);
        pending.put(parent, existing == null ? map : existing.union(map));
    }

    /** Returns the map of the parent side of a diff, sharing the child's map unless a rename or re-creation changes it. */
    private static PathMap follow(PathMap map, List<DiffEntry> entries) {
        PathMap result = map.share();
        for (DiffEntry entry : entries) {
            switch (entry.getChangeType()) {
                case RENAME -> {
                    if (result.current(entry.getNewPath()) != null) {
                        result = result.writable();
                        result.rename(entry.getOldPath(), entry.getNewPath());
                    }
                }
                case DELETE -> {
                    // The file at this path before the commit is not the current file that bears the path later.
                    if (result.current(entry.getOldPath()) != null) {
                        result = result.writable();
                        result.remove(entry.getOldPath());
                    }
                }
                default -> {
                    // ADD, COPY, MODIFY leave the parent's view of existing paths unchanged.
                }
            }
        }
        return result;
    }

    private static List<FileChange> count(DiffFormatter diff, List<DiffEntry> entries, PathMap map)
            throws IOException {
        List<FileChange> changes = new ArrayList<>(entries.size());
        for (DiffEntry entry : entries) {
            if (FileMode.GITLINK.equals(entry.getOldMode()) || FileMode.GITLINK.equals(entry.getNewMode())) {
                continue;
            }
            boolean deleted = entry.getChangeType() == DiffEntry.ChangeType.DELETE;
            String path = deleted ? entry.getOldPath() : entry.getNewPath();
            String current = deleted ? null : map.current(path);
            FileHeader header = diff.toFileHeader(entry);
            boolean binary = header.getPatchType() != FileHeader.PatchType.UNIFIED;
            int added = 0;
            int removed = 0;
            if (!binary) {
                for (Edit edit : header.toEditList()) {
                    added += edit.getLengthB();
                    removed += edit.getLengthA();
                }
            }
            changes.add(new FileChange(path, current, added, removed, binary));
        }
        return changes;
    }

    /** Calls the cancellation check while JGit loads the commit graph; includes every commit. */
    private static final class CancellationFilter extends RevFilter {
        private final Runnable checkCancelled;
        private int seen;

        CancellationFilter(Runnable checkCancelled) {
            this.checkCancelled = checkCancelled;
        }

        @Override
        public boolean include(RevWalk walker, RevCommit commit) throws StopWalkException {
            if ((++seen & 0xFF) == 0) {
                checkCancelled.run();
            }
            return true;
        }

        @Override
        public RevFilter clone() {
            return new CancellationFilter(checkCancelled);
        }

        @Override
        public boolean requiresCommitBody() {
            return false;
        }
    }
}
