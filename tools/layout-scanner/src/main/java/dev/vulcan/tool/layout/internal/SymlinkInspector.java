package dev.vulcan.tool.layout.internal;

import dev.vulcan.tool.layout.SymlinkTargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Finds what a symbolic link points to without following it: the link text is read, resolved lexically
 * against the link's folder, and each segment of the result is examined with {@code lstat} (links not
 * followed). An absolute target, one that leaves the repository, or one inside {@code .git} is
 * {@link SymlinkTargetKind#OUTSIDE} and is never examined.
 */
public final class SymlinkInspector {

    private SymlinkInspector() {
    }

    /**
     * What a link points to.
     *
     * @param linkText the raw link text (never written to the output: it may be an absolute host path)
     * @param kind the target kind
     * @param target the repo-relative target path when it lies inside the repository (not the root), else null
     */
    public record Target(String linkText, SymlinkTargetKind kind, String target) {

        /**
         * Creates a target.
         *
         * @throws NullPointerException if the link text or kind is null
         */
        public Target {
            Objects.requireNonNull(linkText, "linkText");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Inspects a link.
     *
     * @param root the repository root
     * @param linkPath the link's repo-relative path
     * @return the target
     * @throws IOException if the link cannot be read
     */
    public static Target inspect(Path root, String linkPath) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(linkPath, "linkPath");
        String text = Files.readSymbolicLink(root.resolve(linkPath)).toString();
        String normalizedText = text.replace('\\', '/');
        if (normalizedText.startsWith("/") || (normalizedText.length() >= 2 && normalizedText.charAt(1) == ':')) {
            return new Target(text, SymlinkTargetKind.OUTSIDE, null);
        }
        Deque<String> segments = new ArrayDeque<>();
        int slash = linkPath.lastIndexOf('/');
        if (slash > 0) {
            segments.addAll(List.of(linkPath.substring(0, slash).split("/")));
        }
        for (String segment : normalizedText.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return new Target(text, SymlinkTargetKind.OUTSIDE, null);
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (!segments.isEmpty() && segments.getFirst().equals(".git")) {
            return new Target(text, SymlinkTargetKind.OUTSIDE, null);
        }
        String target = segments.isEmpty() ? null : String.join("/", segments);
        return new Target(text, kind(root, List.copyOf(segments)), target);
    }

    private static SymlinkTargetKind kind(Path root, List<String> segments) throws IOException {
        Path current = root;
        for (int i = 0; i < segments.size(); i++) {
            current = current.resolve(segments.get(i));
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return SymlinkTargetKind.MISSING;
            }
            boolean last = i == segments.size() - 1;
            if (attrs.isSymbolicLink()) {
                return SymlinkTargetKind.SYMLINK;
            }
            if (!last && !attrs.isDirectory()) {
                return SymlinkTargetKind.MISSING;
            }
            if (last) {
                return attrs.isRegularFile() ? SymlinkTargetKind.FILE
                        : attrs.isDirectory() ? SymlinkTargetKind.DIRECTORY : SymlinkTargetKind.OTHER;
            }
        }
        return SymlinkTargetKind.DIRECTORY;
    }
}
