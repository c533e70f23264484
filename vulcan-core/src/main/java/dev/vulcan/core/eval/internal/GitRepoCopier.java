package dev.vulcan.core.eval.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Copies an evaluation repository's folder into a new git repository and commits it once. */
public final class GitRepoCopier {

    /** The author and committer of materialized evaluation repositories. */
    private static final String IDENT_NAME = "Vulcan Evaluation";
    private static final String IDENT_EMAIL = "evaluation@vulcan.dev";
    private static final Instant IDENT_TIME = Instant.parse("2024-01-01T00:00:00Z");

    private GitRepoCopier() {
    }

    /**
     * Copies and commits (see {@link dev.vulcan.core.eval.RepoMaterializer#copyAndCommit()}).
     *
     * @param source the source folder
     * @param target an empty directory
     * @throws IOException if copying fails
     * @throws GitAPIException if git fails
     * @throws IllegalArgumentException if the source is not a directory
     */
    public static void copyAndCommit(Path source, Path target) throws IOException, GitAPIException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("evaluation repository " + source + " is not a directory");
        }
        copyTree(source, target);
        PersonIdent ident = new PersonIdent(IDENT_NAME, IDENT_EMAIL, IDENT_TIME, ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setAuthor(ident).setCommitter(ident).setMessage("Evaluation repository")
                    .setSign(false).setAllowEmpty(true).call();
        }
    }

    /**
     * Copies a directory tree without following symbolic links (links are recreated as links) and without
     * copying any {@code .git} folder.
     *
     * @param source the source directory
     * @param target the target directory (created if missing)
     * @throws IOException if a file cannot be copied
     */
    public static void copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(source) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().equals(".git")) {
                    return FileVisitResult.CONTINUE;
                }
                Path to = target.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, to, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a directory tree without following symbolic links.
     *
     * @param root the tree to delete; nothing happens when it does not exist
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
