package dev.vulcan.orchestrator.repo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The pseudo-commit of a plain directory (no git): a 40-hex SHA-1 over the sorted repo-relative paths of its
 * regular files and the SHA-1 of each file's bytes. The same content gives the same value wherever the
 * directory lives; any added, removed, renamed or changed file gives another. Symbolic links are neither
 * followed nor hashed (tools do not follow them either).
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * Computes the pseudo-commit of a directory.
     *
     * @param root the directory
     * @return 40 lower-case hex characters
     * @throws IOException if a file cannot be read
     */
    public static String of(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    paths.add(relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        paths.sort(null);
        MessageDigest tree = sha1();
        byte[] buffer = new byte[64 * 1024];
        for (String path : paths) {
            MessageDigest content = sha1();
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    content.update(buffer, 0, n);
                }
            }
            tree.update(path.getBytes(StandardCharsets.UTF_8));
            tree.update((byte) 0);
            tree.update(content.digest());
        }
        return HexFormat.of().formatHex(tree.digest());
    }

    private static String relative(Path root, Path file) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
