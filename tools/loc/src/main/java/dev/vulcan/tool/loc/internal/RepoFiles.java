package dev.vulcan.tool.loc.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;

/**
 * Lists the regular files of a repository without following any symbolic link. In a git work tree (a root with
 * {@code .git}) the files are those git tracks (the index, read with JGit's {@link DirCache}), as found in the work
 * tree; otherwise the directory tree is walked, skipping version-control folders ({@value #VCS_DIRS_TEXT}).
 * Symbolic links, submodules and files under a symlinked directory are skipped; a tracked file missing from the
 * work tree is a recoverable error.
 */
public final class RepoFiles {

    private static final Set<String> VCS_DIRS = Set.of(".git", ".hg", ".svn", ".bzr");
    private static final String VCS_DIRS_TEXT = ".git, .hg, .svn, .bzr";

    private RepoFiles() {
    }

    /**
     * A file to analyze.
     *
     * @param path its repo-relative path
     * @param file its location on disk
     */
    public record Candidate(String path, Path file) {

        /**
         * Creates a candidate.
         *
         * @throws IllegalArgumentException if the path is not a valid repo-relative path
         */
        public Candidate {
            RepoPaths.requireValid(path);
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The files found, sorted by path, and the problems met.
     *
     * @param files the candidates
     * @param errors recoverable problems (missing or unlistable files, invalid names)
     * @param fromGitIndex whether the list came from the git index
     */
    public record Listing(List<Candidate> files, List<ToolError> errors, boolean fromGitIndex) {

        /** Creates a listing. */
        public Listing {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    /** Receives the files as they are found. */
    @FunctionalInterface
    public interface Sink {

        /**
         * Takes one file.
         *
         * @param candidate the file
         * @throws InterruptedException if the receiver was interrupted while waiting
         */
        void accept(Candidate candidate) throws InterruptedException;
    }

    /**
     * Lists a repository's files, sorted by path.
     *
     * @param root the repository root (an existing directory)
     * @return the listing
     * @throws IOException if the root itself cannot be read, or the git index cannot be read
     * @throws IllegalArgumentException if the root is not a directory
     */
    public static Listing list(Path root) throws IOException {
        List<Candidate> files = new ArrayList<>();
        List<ToolError> errors = new ArrayList<>();
        boolean git;
        try {
            git = scan(root, files::add, errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("unreachable: collecting into a list does not wait", e);
        }
        files.sort(Comparator.comparing(Candidate::path));
        return new Listing(files, errors, git);
    }

    /**
     * Finds a repository's files and hands each to a sink as soon as it is found (in no particular order), so
     * that counting can start while the tree is still being walked.
     *
     * @param root the repository root (an existing directory)
     * @param sink receives the files
     * @param errors receives the recoverable problems
     * @return whether the files came from the git index
     * @throws IOException if the root itself cannot be read, or the git index cannot be read
     * @throws InterruptedException if the sink was interrupted
     * @throws IllegalArgumentException if the root is not a directory
     */
    public static boolean scan(Path root, Sink sink, List<ToolError> errors) throws IOException, InterruptedException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(errors, "errors");
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a directory: " + abs);
        }
        boolean git = Files.exists(abs.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS);
        if (git) {
            fromIndex(abs, sink, errors);
        } else {
            walk(abs, sink, errors);
        }
        return git;
    }

    private static void fromIndex(Path root, Sink files, List<ToolError> errors)
            throws IOException, InterruptedException {
        DirCache index;
        try (Repository repo = GitRevisions.open(root)) {
            index = repo.readDirCache();
        } catch (org.eclipse.jgit.errors.CorruptObjectException e) {
            throw new IOException("the git index is corrupt: " + e.getMessage(), e);
        }
        Map<String, Boolean> safeDirs = new HashMap<>();
        String previous = null;
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry entry = index.getEntry(i);
            String path = entry.getPathString();
            if (path.equals(previous)) {
                continue;
            }
            previous = path;
            FileMode mode = entry.getFileMode();
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                continue;
            }
            if (!RepoPaths.isValid(path)) {
                errors.add(ToolError.recoverable("INVALID_PATH",
                        "tracked file name is not a valid repo-relative path: " + printable(path), null));
                continue;
            }
            if (!parentsAreRealDirectories(root, RepoPaths.parent(path), safeDirs)) {
                continue;
            }
            Path file = root.resolve(path);
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile()) {
                    files.accept(new Candidate(path, file));
                }
            } catch (NoSuchFileException e) {
                errors.add(ToolError.recoverable("FILE_MISSING", "tracked file is missing from the work tree", path));
            } catch (IOException e) {
                errors.add(ToolError.recoverable("FILE_UNREADABLE",
                        "cannot read file attributes: " + e.getClass().getSimpleName(), path));
            }
        }
    }

    /** True when every directory of the path is a real directory, not a symbolic link. */
    private static boolean parentsAreRealDirectories(Path root, String dir, Map<String, Boolean> cache) {
        if (dir.isEmpty()) {
            return true;
        }
        Boolean known = cache.get(dir);
        if (known != null) {
            return known;
        }
        boolean ok = parentsAreRealDirectories(root, RepoPaths.parent(dir), cache)
                && Files.isDirectory(root.resolve(dir), LinkOption.NOFOLLOW_LINKS);
        cache.put(dir, ok);
        return ok;
    }

    private static void walk(Path root, Sink files, List<ToolError> errors) throws IOException, InterruptedException {
        InterruptedException[] interrupted = new InterruptedException[1];
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && VCS_DIRS.contains(String.valueOf(dir.getFileName()))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || VCS_DIRS.contains(String.valueOf(file.getFileName()))) {
                            return FileVisitResult.CONTINUE;
                        }
                        String path = root.relativize(file).toString();
                        if (!RepoPaths.isValid(path)) {
                            errors.add(ToolError.recoverable("INVALID_PATH",
                                    "file name is not a valid repo-relative path: " + printable(path), null));
                        } else {
                            try {
                                files.accept(new Candidate(path, file));
                            } catch (InterruptedException e) {
                                interrupted[0] = e;
                                return FileVisitResult.TERMINATE;
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String path = root.relativize(file).toString();
                        errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot list "
                                + (RepoPaths.isValid(path) ? "" : printable(path) + " ") + "("
                                + e.getClass().getSimpleName() + ")", RepoPaths.isValid(path) ? path : null));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            String path = dir.equals(root) ? null : root.relativize(dir).toString();
                            errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot list a directory ("
                                    + e.getClass().getSimpleName() + ")",
                                    path != null && RepoPaths.isValid(path) ? path : null));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length() && out.length() < 200; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
