package dev.vulcan.orchestrator.repo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the user asked to analyze: a local path (work tree, bare repository or plain directory) or a git URL.
 *
 * <p>Recognized URL forms: {@code file://...}, {@code https://...}, {@code http://...}, {@code ssh://...},
 * {@code git://...} and the scp-like {@code user@host:owner/repo.git}. Anything else is a local path.
 *
 * @param kind how the source is reached
 * @param location the path or URL as given (trimmed)
 */
public record RepoSource(Kind kind, String location) {

    private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!//).+$");

    /** How a source is reached, with a stable external code. */
    public enum Kind {
        /** A directory on this machine, analyzed in place when possible. */
        LOCAL_PATH("path"),
        /** A {@code file://} URL, cloned into the workspace. */
        FILE_URL("file"),
        /** An {@code http(s)://} URL, cloned into the workspace. */
        HTTP_URL("https"),
        /** An {@code ssh://} or scp-like {@code user@host:path} URL, cloned into the workspace. */
        SSH_URL("ssh"),
        /** A {@code git://} URL, cloned into the workspace. */
        GIT_URL("git");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /**
         * Returns the stable external code.
         *
         * @return the code
         */
        public String code() {
            return code;
        }

        /**
         * Returns the kind with an external code.
         *
         * @param code the code
         * @return the kind
         * @throws IllegalArgumentException if no kind has this code
         */
        public static Kind fromCode(String code) {
            Objects.requireNonNull(code, "code");
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown repository source kind: " + code));
        }
    }

    /**
     * Creates a source.
     *
     * @throws IllegalArgumentException if the location is blank
     */
    public RepoSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("repository location is blank");
        }
    }

    /**
     * Parses what the user typed.
     *
     * @param input a path or a URL
     * @return the source
     * @throws IllegalArgumentException if the input is blank or a URL has no path
     */
    public static RepoSource parse(String input) {
        Objects.requireNonNull(input, "input");
        String value = input.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("repository path or URL is blank");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.startsWith("file://")) {
            kind = Kind.FILE_URL;
        } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
            kind = Kind.HTTP_URL;
        } else if (lower.startsWith("ssh://") || lower.startsWith("git+ssh://") || lower.startsWith("ssh+git://")) {
            kind = Kind.SSH_URL;
        } else if (lower.startsWith("git://")) {
            kind = Kind.GIT_URL;
        } else if (SCP_LIKE.matcher(value).matches()) {
            kind = Kind.SSH_URL;
        } else {
            return new RepoSource(Kind.LOCAL_PATH, value);
        }
        if (kind != Kind.SSH_URL || value.contains("://")) {
            int schemeEnd = value.indexOf("://") + 3;
            if (value.length() <= schemeEnd || value.substring(schemeEnd).replace("/", "").isEmpty()) {
                throw new IllegalArgumentException("URL has no host or path: " + value);
            }
        }
        return new RepoSource(kind, value);
    }

    /**
     * Tells whether the source must be cloned (it is a URL).
     *
     * @return true for every kind but {@link Kind#LOCAL_PATH}
     */
    public boolean isUrl() {
        return kind != Kind.LOCAL_PATH;
    }

    /**
     * Returns the local path of a {@link Kind#LOCAL_PATH} source, absolute and normalized.
     *
     * @return the path
     * @throws IllegalStateException if the source is a URL
     */
    public Path localPath() {
        if (isUrl()) {
            throw new IllegalStateException(location + " is a URL, not a local path");
        }
        return Path.of(location).toAbsolutePath().normalize();
    }

    /**
     * Returns the repository name: the last path segment without {@code .git}.
     *
     * @return the name, never blank
     */
    public String name() {
        String value = location;
        while (value.endsWith("/") && value.length() > 1) {
            value = value.substring(0, value.length() - 1);
        }
        int cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf(':'));
        String last = cut >= 0 ? value.substring(cut + 1) : value;
        if (last.toLowerCase(Locale.ROOT).endsWith(".git")) {
            last = last.substring(0, last.length() - 4);
        }
        if (!isUrl() && (last.isEmpty() || last.equals("."))) {
            Path fileName = localPath().getFileName();
            last = fileName == null ? "" : fileName.toString();
        }
        return last.isEmpty() ? "repository" : last;
    }
}
