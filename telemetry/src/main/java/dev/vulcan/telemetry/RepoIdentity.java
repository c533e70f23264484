package dev.vulcan.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The stable identity of a repository, the input of {@code repo_hash}: the same for every clone of a repo,
 * whatever its local path, and the same across rescans.
 *
 * <ol>
 *   <li>{@link Kind#REMOTE}: the normalized URL of the {@code origin} remote (or of the URL the repo was given
 *       by): scheme, user info, a trailing {@code /} and {@code .git} removed, host lower-cased, scp syntax
 *       {@code git@host:owner/name} read as {@code host/owner/name}; so {@code https://github.com/o/r.git},
 *       {@code git@github.com:o/r} and {@code ssh://git@github.com/o/r} agree.</li>
 *   <li>{@link Kind#ROOT_COMMIT}: without a remote, the SHA of the root commit reachable from HEAD (the smallest
 *       one when there are several roots), which every clone shares.</li>
 *   <li>{@link Kind#PATH}: a directory that is not a git repository or has no commit: its absolute path. Only
 *       this kind depends on where the repo lies; it is the last resort.</li>
 * </ol>
 *
 * @param kind how the identity was found
 * @param value the normalized URL, the root commit SHA or the absolute path
 */
public record RepoIdentity(Kind kind, String value) {

    /** How an identity was found, with its stable external code. */
    public enum Kind {
        /** The normalized remote URL. */
        REMOTE("remote"),
        /** The root commit SHA. */
        ROOT_COMMIT("root_commit"),
        /** The absolute local path. */
        PATH("path");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /**
         * Returns the external code.
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }

    private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?([^/]*)(/.*)?$");

    /**
     * Creates an identity.
     *
     * @throws IllegalArgumentException if the value is blank
     */
    public RepoIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a repo identity value must not be blank");
        }
    }

    /**
     * Returns the canonical text that is hashed: {@code kind:value}.
     *
     * @return the canonical text
     */
    public String canonical() {
        return kind.code() + ":" + value;
    }

    /**
     * Tells whether a fleet input line is a git URL (scheme URL such as {@code https://}, {@code ssh://},
     * {@code file://}, or scp syntax {@code user@host:path}) rather than a local path; {@code C:\\x} is a path.
     *
     * @param input the input
     * @return true for a URL
     */
    public static boolean isUrl(String input) {
        Objects.requireNonNull(input, "input");
        String s = input.strip();
        Matcher scp = SCP.matcher(s);
        return URL.matcher(s).matches()
                || scp.matches() && scp.group(1).length() > 1 && !s.startsWith("/") && !s.startsWith(".");
    }

    /**
     * Returns the identity of a repository known by its git URL.
     *
     * @param url the URL
     * @return a {@link Kind#REMOTE} identity
     * @throws IllegalArgumentException if the URL is blank
     */
    public static RepoIdentity ofUrl(String url) {
        return new RepoIdentity(Kind.REMOTE, normalizeUrl(url));
    }

    /**
     * Returns the identity of a local repository directory (the directory itself is the work tree or a bare
     * repository; parent directories are never searched).
     *
     * @param dir the directory
     * @return the identity
     * @throws IOException if the directory does not exist or the git repository cannot be read
     */
    public static RepoIdentity ofDirectory(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path gitDir = abs.resolve(Constants.DOT_GIT);
        boolean bare = Files.isRegularFile(abs.resolve("HEAD"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(abs.resolve("objects"), LinkOption.NOFOLLOW_LINKS);
        if (!Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS) && !bare) {
            return new RepoIdentity(Kind.PATH, abs.toString());
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (bare) {
            builder.setGitDir(abs.toFile());
        } else {
            builder.setWorkTree(abs.toFile()); // JGit then reads workTree/.git, a folder or a "gitdir:" file
        }
        try (Repository repo = builder.build()) {
            String origin = repo.getConfig().getString("remote", "origin", "url");
            if (origin != null && !origin.isBlank()) {
                return ofUrl(origin);
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return new RepoIdentity(Kind.PATH, abs.toString());
            }
            String root = null;
            try (RevWalk walk = new RevWalk(repo)) {
                walk.markStart(walk.parseCommit(head));
                for (RevCommit c : walk) {
                    if (c.getParentCount() == 0 && (root == null || c.name().compareTo(root) < 0)) {
                        root = c.name();
                    }
                }
            }
            return new RepoIdentity(Kind.ROOT_COMMIT, Objects.requireNonNull(root, "a history has a root"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(dir + ": cannot read the git repository: " + e.getMessage(), e);
        }
    }

    /**
     * Normalizes a git URL (see the class comment).
     *
     * @param url the URL
     * @return the normalized form, {@code host/path}
     * @throws IllegalArgumentException if the URL is blank
     */
    public static String normalizeUrl(String url) {
        Objects.requireNonNull(url, "url");
        String s = url.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("repo URL is blank");
        }
        String host;
        String path;
        Matcher m = URL.matcher(s);
        Matcher scp = SCP.matcher(s);
        if (m.matches()) {
            host = m.group(1);
            path = m.group(2) == null ? "" : m.group(2);
        } else if (scp.matches() && !s.startsWith("/")) {
            host = scp.group(1);
            path = "/" + scp.group(2);
        } else {
            host = "";
            path = s;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        int port = host.lastIndexOf(':');
        if (port > 0 && host.substring(port + 1).chars().allMatch(Character::isDigit)) {
            host = host.substring(0, port);
        }
        return host.toLowerCase(Locale.ROOT) + (path.startsWith("/") || host.isEmpty() ? "" : "/") + path;
    }
}
