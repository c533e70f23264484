package dev.vulcan.tool.complexity.internal;

import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Lists the files to analyze: the tracked regular files of a git work tree (its index, read with JGit's
 * DirCache), else every regular file under the root. Symbolic links are never followed or listed, {@code .git}
 * is never entered, and a path must exist on disk as a regular file.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Lists repo-relative paths, sorted.
     *
     * @param root the repository root
     * @return the paths
     * @throws IOException if the tree cannot be read
     */
    public static List<String> list(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        if (Files.isDirectory(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return tracked(root);
        }
        return walk(root);
    }

    private static List<String> tracked(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(root.toFile()).readEnvironment()
                .findGitDir(root.toFile()).setMustExist(true).build()) {
            DirCache index = repo.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                FileMode mode = e.getFileMode();
                if (e.getStage() != 0 && e.getStage() != 1
                        || !(FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode))) {
                    continue;
                }
                String path = e.getPathString();
                if (!RepoPaths.isValid(path) || path.equals(".git") || path.startsWith(".git/")
                        || path.contains("/.git/")) {
                    continue;
                }
                if (Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS)
                        && !hasSymlinkParent(root, path)) {
                    out.add(path);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean hasSymlinkParent(Path root, String path) {
        Path p = root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            p = p.resolve(parts[i]);
            if (Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> walk(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && ".git".equals(String.valueOf(dir.getFileName()))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String path = RepoPaths.relativize(root, file);
                    if (RepoPaths.isValid(path)) {
                        out.add(path);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        return new ArrayList<>(out);
    }
}
