package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.envelope.ToolError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.BinaryBlobException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Walks the history reachable from the analyzed commit, with JGit ({@link #walk}) or with one {@code git log}
 * process that walks it itself ({@link #walkLog}), reading the changes of non-merge commits with JGit or from
 * {@code git log} ({@link GitLog}), and hands each commit's changes to a consumer, newest first in topological
 * order (a commit before its parents); both walks hand the same records in the same order.
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
    private static final int GITLINK_MODE = 0160000;
    private static final DiffAlgorithm DIFF =
            DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

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
        return walk(repository, start, currentPaths, maxCommits, checkCancelled, consumer, null, null);
    }

    /**
     * Walks the history, reading the changes of non-merge commits from one {@code git log} process
     * ({@link GitLog}) when an executable is given; the walk order, merges, shallow boundaries and path following
     * are the same as with JGit, so both produce the same records on the same history (see the README for the
     * few documented differences).
     *
     * @param repository the repository
     * @param start the analyzed commit
     * @param currentPaths the files at the analyzed commit, whose history is followed
     * @param maxCommits the most commits walked
     * @param checkCancelled called regularly; throws to stop the walk (the git process is then killed)
     * @param consumer receives each commit
     * @param git the {@code git} executable, or null to read every change with JGit
     * @param deadline when the git process is killed, or null for none
     * @return what the walk did
     * @throws IOException if the analyzed commit itself cannot be read, or git cannot be started
     * @throws GitLog.GitLogException if the git process fails or its output cannot be parsed
     */
    public static Outcome walk(Repository repository, ObjectId start, Set<String> currentPaths, int maxCommits,
            Runnable checkCancelled, Consumer<CommitRecord> consumer, java.nio.file.Path git, Instant deadline)
            throws IOException {
        requireWalk(repository, start, currentPaths, maxCommits, checkCancelled, consumer);
        List<ToolError> errors = new ArrayList<>();
        Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
        int walked = 0;
        int shallowBoundaries = 0;
        int unreadable = 0;
        boolean truncated = false;
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            ObjectReader reader = walk.getObjectReader();
            diff.setDetectRenames(true);
            diff.getRenameDetector().setRenameScore(RENAME_SCORE);
            diff.getRenameDetector().setRenameLimit(RENAME_LIMIT);
            walk.setRetainBody(true); // bodies are read once, in phase 1, and dropped after use
            walk.sort(RevSort.COMMIT_TIME_DESC);
            RevCommit head = walk.parseCommit(start);
            walk.markStart(head);

            // Phase 1: the newest maxCommits commits, streamed in date order (memory bounded by maxCommits).
            List<RevCommit> commits = new ArrayList<>();
            while (true) {
                RevCommit next;
                try {
                    next = walk.next();
                } catch (IOException e) {
                    errors.add(ToolError.recoverable("HISTORY_UNREADABLE", "the history cannot be read past "
                            + commits.size() + " commits (" + e.getClass().getSimpleName()
                            + "); older commits are left out", null));
                    break;
                }
                if (next == null) {
                    break;
                }
                if (commits.size() == maxCommits) {
                    truncated = true;
                    break;
                }
                if ((commits.size() & 0xFF) == 0) {
                    checkCancelled.run();
                }
                commits.add(next);
            }

            // Phase 2: children before parents (Kahn's algorithm, ties in date order), so that each commit
            // receives the path maps of all its children before its own diffs are read.
            Map<RevCommit, Integer> position = new HashMap<>();
            for (int i = 0; i < commits.size(); i++) {
                position.put(commits.get(i), i);
            }
            int[] waitingChildren = new int[commits.size()];
            for (RevCommit c : commits) {
                for (RevCommit parent : c.getParents()) {
                    Integer j = position.get(parent);
                    if (j != null) {
                        waitingChildren[j]++;
                    }
                }
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < commits.size(); i++) {
                if (waitingChildren[i] == 0) {
                    ready.add(i);
                }
            }
            List<RevCommit> order = new ArrayList<>(commits.size());
            while (!ready.isEmpty()) {
                RevCommit commit = commits.get(ready.poll());
                order.add(commit);
                for (RevCommit parent : commit.getParents()) {
                    Integer j = position.get(parent);
                    if (j != null && --waitingChildren[j] == 0) {
                        ready.add(j);
                    }
                }
            }
            Map<RevCommit, PathMap> pending = new HashMap<>();
            pending.put(head, PathMap.identity(currentPaths));
            GitLog log = null;
            if (git != null) {
                List<String> shas = new ArrayList<>();
                for (RevCommit c : order) {
                    if (c.getParentCount() == 1 || (c.getParentCount() == 0 && !shallow.contains(c))) {
                        shas.add(c.name());
                    }
                }
                log = GitLog.start(git, repository.getDirectory().toPath(), shas, deadline);
            }
            try (GitLog closing = log) {
                for (RevCommit commit : order) {
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
                    Set<RevCommit> handed = new HashSet<>();
                    try {
                        if (parents.length == 0 && shallow.contains(commit)) {
                            known = false;
                            shallowBoundaries++;
                        } else if (!merge && log != null) {
                            GitLog.Commit logged = log.next();
                            if (logged == null || !logged.sha().equals(commit.name())) {
                                throw new GitLog.GitLogException("git log did not return commit " + commit.name(),
                                        null);
                            }
                            changes = countGit(logged.entries(), map);
                            if (parents.length == 1) {
                                hand(pending, position, parents[0], follow(map, deltasGit(logged.entries())));
                                handed.add(parents[0]);
                            }
                        } else {
                            for (RevCommit parent : parents) {
                                if (!position.containsKey(parent)) {
                                    walk.parseHeaders(parent);
                                }
                            }
                            if (parents.length == 0) {
                                changes = count(reader, diff.scan(null, commit.getTree()), map);
                            } else if (!merge) {
                                List<DiffEntry> entries = diff.scan(parents[0].getTree(), commit.getTree());
                                changes = count(reader, entries, map);
                                hand(pending, position, parents[0], follow(map, deltas(entries)));
                                handed.add(parents[0]);
                            } else {
                                for (RevCommit parent : parents) {
                                    List<DiffEntry> entries = diff.scan(parent.getTree(), commit.getTree());
                                    hand(pending, position, parent, follow(map, deltas(entries)));
                                    handed.add(parent);
                                }
                            }
                        }
                    } catch (IOException e) {
                        known = false;
                        changes = List.of();
                        unreadable++;
                        if (unreadable <= MAX_COMMIT_ERRORS) {
                            errors.add(ToolError.recoverable("COMMIT_UNREADABLE", "changes of commit "
                                    + commit.name() + " cannot be read (" + e.getClass().getSimpleName()
                                    + "); they are not counted", null));
                        }
                        for (RevCommit parent : parents) {
                            if (!handed.contains(parent)) {
                                hand(pending, position, parent, map.share());
                            }
                        }
                    }
                    map.release();
                    consumer.accept(new CommitRecord(commit.name(), name, email, time, merge, known, changes));
                    commit.disposeBody();
                }
            }
        }
        return outcome(walked, truncated, maxCommits, shallowBoundaries, unreadable, errors);
    }

    /** The checks every walk makes of its arguments. */
    private static void requireWalk(Repository repository, ObjectId start, Set<String> currentPaths, int maxCommits,
            Runnable checkCancelled, Consumer<CommitRecord> consumer) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(currentPaths, "currentPaths");
        Objects.requireNonNull(checkCancelled, "checkCancelled");
        Objects.requireNonNull(consumer, "consumer");
        if (maxCommits <= 0) {
            throw new IllegalArgumentException("maxCommits must be positive");
        }
    }

    private static Outcome outcome(int walked, boolean truncated, int maxCommits, int shallowBoundaries,
            int unreadable, List<ToolError> errors) {
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

    /**
     * Walks the history with one {@code git log} process that walks it itself ({@link GitLog#walk}) and prints,
     * for every commit, its parents, committer time and author, and for a non-merge commit its changes, all
     * parsed as they stream; no JGit walk is made, JGit reads only merge commits' diffs (to follow renames).
     *
     * <p>git's default order is the JGit walk's first phase (newest commit time first, ties in the order the
     * commits were queued, parents queued in order), so the first {@code maxCommits} commits are the same set.
     * When that order is also topological (no commit before one of its children: the normal case, when no
     * committer clock went backwards), the JGit path's children-before-parents processing (Kahn's algorithm with
     * ties in date order) yields exactly the same sequence, and the records equal the JGit path's. When a commit
     * arrives after one of its parents, the walk stops and returns empty: the consumer has then received part of
     * the history and must be discarded; the caller reads the history with {@link #walk} instead.
     *
     * @param repository the repository
     * @param log the started log ({@link GitLog#walk} from the analyzed commit, at most {@code maxCommits + 1}
     *     commits); it is read to its end or closed by the caller
     * @param start the analyzed commit
     * @param currentPaths the files at the analyzed commit, whose history is followed
     * @param maxCommits the most commits walked
     * @param checkCancelled called for every commit; throws to stop the walk
     * @param consumer receives each commit
     * @return what the walk did, or empty when git's order is not topological
     * @throws IOException if the shallow commits cannot be read
     * @throws GitLog.GitLogException if the git process fails or its output cannot be parsed
     */
    public static Optional<Outcome> walkLog(Repository repository, GitLog log, ObjectId start,
            Set<String> currentPaths, int maxCommits, Runnable checkCancelled, Consumer<CommitRecord> consumer)
            throws IOException {
        Objects.requireNonNull(log, "log");
        requireWalk(repository, start, currentPaths, maxCommits, checkCancelled, consumer);
        List<ToolError> errors = new ArrayList<>();
        Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
        Map<String, PathMap> pending = new HashMap<>();
        Set<String> done = new HashSet<>();
        pending.put(start.name(), PathMap.identity(currentPaths));
        int walked = 0;
        int shallowBoundaries = 0;
        int unreadable = 0;
        boolean truncated = false;
        DiffFormatter diff = null;
        try {
            for (GitLog.Commit logged = log.next(); logged != null; logged = log.next()) {
                checkCancelled.run();
                if (walked == maxCommits) {
                    truncated = true;
                    break;
                }
                GitLog.Header header = logged.header();
                if (header == null) {
                    throw new GitLog.GitLogException("git log printed no header for " + logged.sha(), null);
                }
                List<String> parents = header.parents();
                for (String parent : parents) {
                    if (done.contains(parent)) {
                        return Optional.empty(); // a parent came before this child: not topological
                    }
                }
                if (walked == 0 && !logged.sha().equals(start.name())) {
                    throw new GitLog.GitLogException("git log did not start at " + start.name(), null);
                }
                walked++;
                done.add(logged.sha());
                PathMap map = pending.remove(logged.sha());
                if (map == null) {
                    map = PathMap.identity(List.of());
                }
                boolean merge = parents.size() > 1;
                boolean known = true;
                List<FileChange> changes = List.of();
                if (parents.isEmpty() && shallow.contains(ObjectId.fromString(logged.sha()))) {
                    known = false;
                    shallowBoundaries++;
                } else if (!merge) {
                    changes = countGit(logged.entries(), map);
                    if (parents.size() == 1) {
                        handLogged(pending, parents.get(0), follow(map, deltasGit(logged.entries())));
                    }
                } else {
                    if (diff == null) {
                        diff = renameDetectingFormatter(repository);
                    }
                    ObjectId commitId = ObjectId.fromString(logged.sha());
                    Set<String> handed = new HashSet<>();
                    try {
                        for (String parent : parents) {
                            List<DiffEntry> entries = diff.scan(ObjectId.fromString(parent), commitId);
                            handLogged(pending, parent, follow(map, deltas(entries)));
                            handed.add(parent);
                        }
                    } catch (IOException e) {
                        known = false;
                        unreadable++;
                        if (unreadable <= MAX_COMMIT_ERRORS) {
                            errors.add(ToolError.recoverable("COMMIT_UNREADABLE", "changes of commit "
                                    + logged.sha() + " cannot be read (" + e.getClass().getSimpleName()
                                    + "); they are not counted", null));
                        }
                        for (String parent : parents) {
                            if (!handed.contains(parent)) {
                                handLogged(pending, parent, map.share());
                            }
                        }
                    }
                }
                map.release();
                Long authorTime = header.authorTime();
                Instant time = Instant.ofEpochSecond(authorTime == null ? header.commitTime() : authorTime);
                consumer.accept(new CommitRecord(logged.sha(), header.authorName(), header.authorEmail(), time,
                        merge, known, changes));
            }
        } finally {
            if (diff != null) {
                diff.close();
            }
        }
        return Optional.of(outcome(walked, truncated, maxCommits, shallowBoundaries, unreadable, errors));
    }

    /** A diff formatter that detects renames as the walk does (50 % similarity, 1000 candidates). */
    private static DiffFormatter renameDetectingFormatter(Repository repository) {
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
        diff.setRepository(repository);
        diff.setDetectRenames(true);
        diff.getRenameDetector().setRenameScore(RENAME_SCORE);
        diff.getRenameDetector().setRenameLimit(RENAME_LIMIT);
        return diff;
    }

    private static void handLogged(Map<String, PathMap> pending, String parent, PathMap map) {
        PathMap existing = pending.get(parent);
        pending.put(parent, existing == null ? map : existing.union(map));
    }

    private static void hand(Map<RevCommit, PathMap> pending, Map<RevCommit, Integer> position, RevCommit parent,
            PathMap map) {
        if (!position.containsKey(parent)) {
            map.release();
            return;
        }
        PathMap existing = pending.get(parent);
        pending.put(parent, existing == null ? map : existing.union(map));
    }

    /** What rename following needs of one changed path. */
    private record Delta(DiffEntry.ChangeType type, String oldPath, String newPath) {
    }

    private static List<Delta> deltas(List<DiffEntry> entries) {
        List<Delta> result = new ArrayList<>(entries.size());
        for (DiffEntry entry : entries) {
            result.add(new Delta(entry.getChangeType(), entry.getOldPath(), entry.getNewPath()));
        }
        return result;
    }

    private static List<Delta> deltasGit(List<GitLog.Entry> entries) {
        List<Delta> result = new ArrayList<>(entries.size());
        for (GitLog.Entry entry : entries) {
            result.add(new Delta(changeType(entry), entry.oldPath(), entry.newPath()));
        }
        return result;
    }

    private static DiffEntry.ChangeType changeType(GitLog.Entry entry) {
        return switch (entry.status()) {
            case 'A' -> DiffEntry.ChangeType.ADD;
            case 'D' -> DiffEntry.ChangeType.DELETE;
            case 'R' -> DiffEntry.ChangeType.RENAME;
            case 'M', 'T' -> DiffEntry.ChangeType.MODIFY;
            // no 'C': without -C git never reports copies (JGit's copies are counted as additions, see count)
            default -> throw new GitLog.GitLogException("unexpected git change status " + entry.status(), null);
        };
    }

    /** Returns the parent side's map of a diff: the child's map, copied only when a rename or deletion changes it. */
    private static PathMap follow(PathMap map, List<Delta> entries) {
        PathMap result = map.share();
        for (Delta entry : entries) {
            switch (entry.type()) {
                case RENAME -> {
                    if (result.current(entry.newPath()) != null) {
                        result = result.writable();
                        result.rename(entry.oldPath(), entry.newPath());
                    }
                }
                case DELETE -> {
                    // The file at this path before the commit is not the current file that bears the path later.
                    if (result.current(entry.oldPath()) != null) {
                        result = result.writable();
                        result.remove(entry.oldPath());
                    }
                }
                default -> {
                    // ADD, COPY, MODIFY leave the parent's view of existing paths unchanged.
                }
            }
        }
        return result;
    }

    /** The changes of one commit as git counted them, with the same rules as {@link #count}. */
    private static List<FileChange> countGit(List<GitLog.Entry> entries, PathMap map) {
        List<FileChange> changes = new ArrayList<>(entries.size());
        for (GitLog.Entry entry : entries) {
            if (entry.oldMode() == GITLINK_MODE || entry.newMode() == GITLINK_MODE) {
                continue;
            }
            DiffEntry.ChangeType type = changeType(entry);
            boolean deleted = type == DiffEntry.ChangeType.DELETE;
            String path = deleted ? entry.oldPath() : entry.newPath();
            String current = deleted ? null : map.current(path);
            boolean same = type != DiffEntry.ChangeType.ADD && !deleted && entry.oldId().equals(entry.newId());
            if (same) {
                changes.add(new FileChange(path, current, 0, 0, false));
            } else {
                changes.add(new FileChange(path, current, entry.added(), entry.deleted(), entry.binary()));
            }
        }
        return changes;
    }

    private static List<FileChange> count(ObjectReader reader, List<DiffEntry> entries, PathMap map)
            throws IOException {
        List<FileChange> changes = new ArrayList<>(entries.size());
        for (DiffEntry entry : entries) {
            if (FileMode.GITLINK.equals(entry.getOldMode()) || FileMode.GITLINK.equals(entry.getNewMode())) {
                continue;
            }
            DiffEntry.ChangeType type = entry.getChangeType();
            boolean deleted = type == DiffEntry.ChangeType.DELETE;
            String path = deleted ? entry.getOldPath() : entry.getNewPath();
            String current = deleted ? null : map.current(path);
            int added = 0;
            int removed = 0;
            boolean binary = false;
            // A copy counts as an addition of the whole file, as git -M reports a second destination of one source.
            boolean addition = type == DiffEntry.ChangeType.ADD || type == DiffEntry.ChangeType.COPY;
            boolean same = !addition && !deleted
                    && entry.getOldId().toObjectId().equals(entry.getNewId().toObjectId());
            Attribute diffAttribute = entry.getDiffAttribute();
            if (diffAttribute != null && diffAttribute.getState() == Attribute.State.UNSET) {
                binary = true; // "-diff" or "binary" in .gitattributes, as git's numstat
            } else if (!same) {
                try {
                    RawText before = addition ? null : text(reader, entry.getOldId());
                    RawText after = deleted ? null : text(reader, entry.getNewId());
                    if (before == null) {
                        added = after.size();
                    } else if (after == null) {
                        removed = before.size();
                    } else {
                        for (Edit edit : DIFF.diff(RawTextComparator.DEFAULT, before, after)) {
                            added += edit.getLengthB();
                            removed += edit.getLengthA();
                        }
                    }
                } catch (BinaryBlobException e) {
                    binary = true;
                    added = 0;
                    removed = 0;
                }
            }
            changes.add(new FileChange(path, current, added, removed, binary));
        }
        return changes;
    }

    /** Loads a blob as text; binary blobs and blobs over the size cap throw {@link BinaryBlobException}. */
    private static RawText text(ObjectReader reader, AbbreviatedObjectId id)
            throws IOException, BinaryBlobException {
        return RawText.load(reader.open(id.toObjectId(), Constants.OBJ_BLOB), MAX_DIFF_BYTES);
    }
}
