package dev.vulcan.orchestrator.exec.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * File moves and deletions used by the orchestrator's own folders (staging, workspace, quarantine). Symbolic
 * links are never followed.
 */
public final class FileMoves {

    private FileMoves() {
    }

    /**
     * Moves a file if it exists, replacing the target.
     *
     * @param source the file
     * @param target where it goes
     * @throws IOException if the move fails
     */
    public static void moveIfExists(Path source, Path target) throws IOException {
        if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Moves every file of a folder tree under another folder, merging with what is there.
     *
     * @param source the folder
     * @param target the destination folder (created)
     * @throws IOException if a move fails
     */
    public static void moveTree(Path source, Path target) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.move(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a folder tree, without following links; a missing folder is fine.
     *
     * @param root the folder
     * @throws IOException if a deletion fails
     */
    public static void deleteTree(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
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
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
