package dev.vulcan.core.paths;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * The repo-relative path rules of the architecture proposal (2.4.1): paths are relative to the repository
 * root, '/'-separated, with no '.' or '..' segment, no leading or trailing '/', no drive letter, no
 * backslash, and case preserved.
 */
public final class RepoPaths {

    private RepoPaths() {
    }

    /**
     * Returns the first rule a path breaks, if any.
     *
     * @param path the candidate repo-relative path
     * @return the broken rule, or empty when the path is valid
     */
    public static Optional<PathRule> violation(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return Optional.of(PathRule.EMPTY);
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return Optional.of(PathRule.CONTROL_CHARACTER);
            }
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of(PathRule.BACKSLASH);
        }
        if (path.startsWith("/")) {
            return Optional.of(PathRule.ABSOLUTE);
        }
        if (hasDriveLetter(path)) {
            return Optional.of(PathRule.DRIVE_LETTER);
        }
        if (path.endsWith("/")) {
            return Optional.of(PathRule.TRAILING_SLASH);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of(PathRule.EMPTY_SEGMENT);
            }
            if (segment.equals(".")) {
                return Optional.of(PathRule.DOT_SEGMENT);
            }
            if (segment.equals("..")) {
                return Optional.of(PathRule.DOT_DOT_SEGMENT);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether a path obeys every rule.
     *
     * @param path the candidate
     * @return true when valid
     */
    public static boolean isValid(String path) {
        return violation(path).isEmpty();
    }

    /**
     * Checks a repo-relative path.
     *
     * @param path the candidate
     * @return the same path
     * @throws InvalidRepoPathException naming the path and the broken rule
     */
    public static String requireValid(String path) {
        Optional<PathRule> rule = violation(path);
        if (rule.isPresent()) {
            throw new InvalidRepoPathException(path, rule.get(),
                    "invalid repo-relative path '" + path + "': " + rule.get().description());
        }
        return path;
    }

    /**
     * Normalizes a raw path as tools may see it (absolute under the repository root, with backslashes,
     * {@code ./} prefixes or {@code ..} segments) into a valid repo-relative path. Case is preserved.
     *
     * @param raw the raw path
     * @param repoRoot the repository root; an absolute raw path must lie under it
     * @return the repo-relative path
     * @throws InvalidRepoPathException if the path is empty, names the root itself, or lies outside the root
     */
    public static String normalize(String raw, Path repoRoot) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(repoRoot, "repoRoot");
        String path = raw.replace('\\', '/');
        if (path.isBlank()) {
            throw new InvalidRepoPathException(raw, PathRule.EMPTY, "invalid path '" + raw + "': path is empty");
        }
        if (path.startsWith("/") || hasDriveLetter(path)) {
            String root = stripTrailingSlashes(repoRoot.toAbsolutePath().normalize().toString().replace('\\', '/'));
            if (path.equals(root)) {
                throw new InvalidRepoPathException(raw, PathRule.EMPTY,
                        "invalid path '" + raw + "': names the repository root, not a file");
            }
            if (!path.startsWith(root + "/")) {
                throw new InvalidRepoPathException(raw, null,
                        "invalid path '" + raw + "': absolute path outside the repository root");
            }
            path = path.substring(root.length() + 1);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new InvalidRepoPathException(raw, PathRule.DOT_DOT_SEGMENT,
                            "invalid path '" + raw + "': '..' escapes the repository root");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new InvalidRepoPathException(raw, PathRule.EMPTY,
                    "invalid path '" + raw + "': names the repository root, not a file");
        }
        return requireValid(String.join("/", segments));
    }

    /**
     * Returns the repo-relative path of a file's directory; the root directory is the empty string.
     *
     * @param path a valid repo-relative path
     * @return the parent directory path, "" for a top-level entry
     * @throws InvalidRepoPathException if the path is invalid
     */
    public static String parent(String path) {
        requireValid(path);
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Returns the last segment of a path.
     *
     * @param path a valid repo-relative path
     * @return the file or directory name
     * @throws InvalidRepoPathException if the path is invalid
     */
    public static String fileName(String path) {
        requireValid(path);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Returns the repo-relative path of a file inside a repository root.
     *
     * @param repoRoot the repository root
     * @param file a file under that root
     * @return the repo-relative path
     * @throws InvalidRepoPathException if the file is not under the root
     */
    public static String relativize(Path repoRoot, Path file) {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(file, "file");
        Path root = repoRoot.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            throw new InvalidRepoPathException(file.toString(), null,
                    "invalid path '" + file + "': not inside the repository root");
        }
        return normalize(root.relativize(abs).toString(), root);
    }

    private static boolean hasDriveLetter(String path) {
        return path.length() >= 2 && path.charAt(1) == ':' && isAsciiLetter(path.charAt(0));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String stripTrailingSlashes(String path) {
        String result = path;
        while (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
