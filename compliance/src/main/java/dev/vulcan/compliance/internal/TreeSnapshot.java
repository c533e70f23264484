package dev.vulcan.compliance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The state of a folder tree (type, size and modification time of every entry, symbolic links not followed),
 * taken before and after a tool run to prove the run wrote nothing there.
 *
 * @param root the folder
 * @param entries signature by '/'-separated relative path
 */
public record TreeSnapshot(Path root, Map<String, String> entries) {

    /**
     * Creates a snapshot.
     *
     * @throws NullPointerException if a component is null
     */
    public TreeSnapshot {
        Objects.requireNonNull(root, "root");
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /**
     * Takes a snapshot.
     *
     * @param root the folder (an absent folder gives an empty snapshot)
     * @param excluded relative paths not recorded, nor anything below them
     * @return the snapshot
     * @throws UncheckedIOException if the tree cannot be read
     */
    public static TreeSnapshot of(Path root, Predicate<String> excluded) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(excluded, "excluded");
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root)) {
            return new TreeSnapshot(root, entries);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String rel = relative(root, dir);
                    if (!rel.isEmpty() && excluded.test(rel)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!rel.isEmpty()) {
                        entries.put(rel, "dir");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(root, file);
                    if (!excluded.test(rel)) {
                        String type = attrs.isSymbolicLink() ? "link" : attrs.isRegularFile() ? "file" : "other";
                        entries.put(rel, type + ":" + attrs.size() + ":" + attrs.lastModifiedTime().toMillis());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    entries.put(relative(root, file), "unreadable");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e, e);
        }
        return new TreeSnapshot(root, entries);
    }

    /**
     * Lists what changed since this snapshot.
     *
     * @param after the later snapshot of the same folder
     * @return one line per change, such as {@code added out.txt}, sorted by path
     */
    public List<String> changesTo(TreeSnapshot after) {
        Objects.requireNonNull(after, "after");
        List<String> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(entries.keySet());
        paths.addAll(after.entries.keySet());
        for (String path : paths) {
            String before = entries.get(path);
            String now = after.entries.get(path);
            if (before == null) {
                changes.add("added " + path);
            } else if (now == null) {
                changes.add("removed " + path);
            } else if (!before.equals(now) && !before.equals("dir")) {
                changes.add("modified " + path);
            }
        }
        return changes;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
