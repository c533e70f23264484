package dev.vulcan.tool.agents.internal;

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
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Lists a repository's files: the git-tracked regular files of the index (JGit DirCache) when the folder is a
 * git work tree, else a walk of the folder. Symbolic links are never followed nor listed, and {@code .git} is
 * skipped.
 */
public final class RepoFiles {

    private RepoFiles() {
    }

    /**
     * Lists the files of a repository.
     *
     * @param root the repository root
     * @return sorted repo-relative paths of regular files
     * @throws IOException if the folder cannot be read
     */
    public static List<String> list(Path root) throws IOException {
        Path gitDir = root.resolve(".git");
        if (Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
                DirCache index = repo.readDirCache();
                TreeSet<String> out = new TreeSet<>();
                for (int i = 0; i < index.getEntryCount(); i++) {
                    DirCacheEntry e = index.getEntry(i);
                    if (e.getStage() > 1 || !FileMode.REGULAR_FILE.equals(e.getFileMode())
                            && !FileMode.EXECUTABLE_FILE.equals(e.getFileMode())) {
                        continue;
                    }
                    if (RepoPaths.isValid(e.getPathString())) {
                        out.add(e.getPathString());
                    }
                }
                return new ArrayList<>(out);
            } catch (IOException | RuntimeException e) {
                return walk(root);
            }
        }
        return walk(root);
    }

    private static List<String> walk(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (attrs.isSymbolicLink() || dir.getFileName().toString().equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (RepoPaths.isValid(rel)) {
                        out.add(rel);
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

    /**
     * Tells whether a repo-relative path is a regular file inside the root with no symbolic link on the way.
     *
     * @param root the repository root (real path)
     * @param relative the repo-relative path
     * @return true when safe to read
     */
    public static boolean safeRegularFile(Path root, String relative) {
        Path p = root;
        for (String seg : relative.split("/")) {
            p = p.resolve(seg);
            if (Files.isSymbolicLink(p)) {
                return false;
            }
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }
}
