package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.RepoIdentity;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One repository of a fleet batch, as given on the input list: a git URL or a local path.
 *
 * @param input the input line, stripped (private: it never reaches a ping)
 * @param url whether the input is a git URL (to clone) rather than a local path
 */
public record RepoTarget(String input, boolean url) {

    /**
     * Creates a target.
     *
     * @throws IllegalArgumentException if the input is blank
     */
    public RepoTarget {
        Objects.requireNonNull(input, "input");
        if (input.isBlank()) {
            throw new IllegalArgumentException("a repo input line must not be blank");
        }
    }

    /**
     * Parses an input line: a URL when {@link RepoIdentity#isUrl} says so, else a local path.
     *
     * @param line the line
     * @return the target
     * @throws IllegalArgumentException if the line is blank
     */
    public static RepoTarget parse(String line) {
        Objects.requireNonNull(line, "line");
        String s = line.strip();
        return new RepoTarget(s, !s.isEmpty() && RepoIdentity.isUrl(s));
    }

    /**
     * Returns the local path of a path target.
     *
     * @return the path
     * @throws IllegalStateException if the target is a URL
     */
    public Path path() {
        if (url) {
            throw new IllegalStateException("a URL target has no local path before it is cloned");
        }
        return Path.of(input);
    }
}
