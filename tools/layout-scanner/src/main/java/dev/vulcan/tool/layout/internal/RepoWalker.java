package dev.vulcan.tool.layout.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Lists the file universe of a repository without reading any file and without following symbolic links.
 *
 * <ul>
 *   <li>Git work tree: the files git tracks (the index, read with JGit) that exist in the work tree, plus the
 *       untracked files that the {@code .gitignore} rules (and {@code .git/info/exclude}) do not ignore; ignored
 *       untracked folders are not entered. A tracked file missing from the work tree is a {@code FILE_VANISHED}
 *       error. Submodules and nested repositories are left out and counted.</li>
 *   <li>Plain directory: every file and symbolic link under the root.</li>
 * </ul>
 * In both cases {@code .git} is never entered, symbolic links are listed as entries (never followed), and
 * FIFOs, sockets and devices are left out with a {@code SPECIAL_FILE} error.
 */
public final class RepoWalker {

    private RepoWalker() {
    }

    /**
     * Walks a repository root.
     *
     * @param root the absolute, real repository root
     * @param cancel called regularly; throws to stop the walk
     * @return the entries and problems
     * @throws IOException if the root cannot be walked at all
     * @throws IllegalArgumentException if the root is a bare git repository (it has no work tree)
     */
    public static WalkResult walk(Path root, Runnable cancel) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(cancel, "cancel");
        if (Files.exists(root.resolve(Constants.DOT_GIT))) {
            return walkGit(root, cancel);
        }
        if (GitRevisions.isRepository(root)) {
            throw new IllegalArgumentException("a bare git repository has no work tree to scan");
        }
        return walkDirectory(root, cancel);
    }

    private static WalkResult walkGit(Path root, Runnable cancel) throws IOException {
        List<WalkResult.Entry> entries = new ArrayList<>();
        List<ToolError> errors = new ArrayList<>();
        int submodules = 0;
        int special = 0;
        try (Repository repo = GitRevisions.open(root); TreeWalk walk = new TreeWalk(repo)) {
            DirCache index = repo.readDirCache();
            int indexTree = walk.addTree(new DirCacheIterator(index));
            FileTreeIterator workTreeIterator = new FileTreeIterator(repo);
            // Tracked files under an ignored folder are part of the repository: let the walker enter such a
            // folder; untracked ignored folders are skipped below without being entered.
            workTreeIterator.setWalkIgnoredDirectories(true);
            int workTree = walk.addTree(workTreeIterator);
            walk.setRecursive(false);
            while (walk.next()) {
                cancel.run();
                DirCacheIterator tracked = walk.getTree(indexTree, DirCacheIterator.class);
                WorkingTreeIterator work = walk.getTree(workTree, WorkingTreeIterator.class);
                String path = walk.getPathString();
                if (walk.isSubtree()) {
                    boolean ignoredUntracked = tracked == null && work != null && work.isEntryIgnored();
                    if (!ignoredUntracked) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                if (tracked == null && work != null && work.isEntryIgnored()) {
                    continue;
                }
                FileMode indexMode = tracked == null ? null : tracked.getEntryFileMode();
                if (FileMode.GITLINK.equals(indexMode)) {
                    submodules++;
                    continue;
                }
                if (work == null) {
                    errors.add(error("FILE_VANISHED", "tracked file is missing from the work tree", path));
                    continue;
                }
                FileMode mode = work.getEntryFileMode();
                if (FileMode.GITLINK.equals(mode)) {
                    submodules++;
                } else if (FileMode.SYMLINK.equals(mode)) {
                    add(entries, errors, path, true, tracked != null);
                } else if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                    add(entries, errors, path, false, tracked != null);
                } else {
                    special++;
                    errors.add(error("SPECIAL_FILE", "not a regular file or symbolic link; left out", path));
                }
            }
        }
        entries.sort(Comparator.comparing(WalkResult.Entry::path));
        return new WalkResult("git", entries, errors, submodules, special);
    }

    private static WalkResult walkDirectory(Path root, Runnable cancel) throws IOException {
        List<WalkResult.Entry> entries = new ArrayList<>();
        List<ToolError> errors = new ArrayList<>();
        int[] special = {0};
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                cancel.run();
                return !dir.equals(root) && dir.getFileName().toString().equals(Constants.DOT_GIT)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().equals(Constants.DOT_GIT)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (attrs.isSymbolicLink()) {
                    add(entries, errors, path, true, null);
                } else if (attrs.isRegularFile()) {
                    add(entries, errors, path, false, null);
                } else {
                    special[0]++;
                    errors.add(error("SPECIAL_FILE", "not a regular file or symbolic link; left out", path));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String path = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                errors.add(error("FILE_UNREADABLE", "cannot be listed: " + e.getClass().getSimpleName(), path));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(WalkResult.Entry::path));
        return new WalkResult("directory", entries, errors, 0, special[0]);
    }

    private static void add(List<WalkResult.Entry> entries, List<ToolError> errors, String path, boolean symlink,
            Boolean tracked) {
        if (!RepoPaths.isValid(path)) {
            errors.add(ToolError.recoverable("INVALID_PATH", "a file name cannot be expressed as a repo-relative "
                    + "path (" + RepoPaths.violation(path).map(r -> r.code()).orElse("invalid") + "); left out",
                    null));
            return;
        }
        entries.add(new WalkResult.Entry(path, symlink, tracked));
    }

    private static ToolError error(String code, String message, String path) {
        return ToolError.recoverable(code, message, RepoPaths.isValid(path) ? path : null);
    }
}
