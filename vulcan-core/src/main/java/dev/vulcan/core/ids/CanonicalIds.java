package dev.vulcan.core.ids;

import dev.vulcan.core.internal.Hashing;
import dev.vulcan.core.paths.RepoPaths;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Canonical identifiers (ARCHITECTURE.md, "Identity"):
 * {@code file_id = "f-" + first 12 hex of sha256(relative_path)}, {@code directory_id = "d-" + ...} (the root
 * directory's path is ""), a deterministic {@code repo_id} and a fresh {@code run_id}.
 */
public final class CanonicalIds {

    /**
     * The namespace of Vulcan repo ids (a name-based UUID v5 namespace).
     */
    public static final UUID REPO_NAMESPACE = UUID.fromString("5d0c4a5e-7a1b-4c39-9a47-6f0d2c1e8b30");

    private CanonicalIds() {
    }

    /**
     * Returns the file_id of a repo-relative file path.
     *
     * @param relativePath a valid repo-relative path
     * @return {@code f-} followed by 12 hex characters
     * @throws dev.vulcan.core.paths.InvalidRepoPathException if the path is not a valid repo-relative path
     */
    public static String fileId(String relativePath) {
        RepoPaths.requireValid(relativePath);
        return "f-" + Hashing.sha256Hex(relativePath.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /**
     * Returns the directory_id of a repo-relative directory path; the root directory is "".
     *
     * @param relativePath "" for the root, else a valid repo-relative path
     * @return {@code d-} followed by 12 hex characters
     * @throws dev.vulcan.core.paths.InvalidRepoPathException if the path is neither "" nor valid
     */
    public static String directoryId(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        if (!relativePath.isEmpty()) {
            RepoPaths.requireValid(relativePath);
        }
        return "d-" + Hashing.sha256Hex(relativePath.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /**
     * Returns the deterministic repo_id of a repository known by its remote URL: a UUID v5 of the URL with
     * a trailing '/' and '.git' removed, so {@code https://h/o/r.git} and {@code https://h/o/r} share an id.
     *
     * @param remoteUrl the remote URL
     * @return the repo_id
     * @throws IllegalArgumentException if the URL is blank
     */
    public static UUID repoIdFromRemote(String remoteUrl) {
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        String url = remoteUrl.trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("remote URL is blank");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.toLowerCase(Locale.ROOT).endsWith(".git")) {
            url = url.substring(0, url.length() - 4);
        }
        return uuidV5(REPO_NAMESPACE, "remote:" + url);
    }

    /**
     * Returns the deterministic repo_id of a repository without a remote, from its absolute, normalized path.
     *
     * @param repoPath the local path
     * @return the repo_id
     */
    public static UUID repoIdFromPath(Path repoPath) {
        Objects.requireNonNull(repoPath, "repoPath");
        return uuidV5(REPO_NAMESPACE, "path:" + repoPath.toAbsolutePath().normalize());
    }

    /**
     * Returns a fresh run_id (UUID v4).
     *
     * @return a random UUID
     */
    public static UUID newRunId() {
        return UUID.randomUUID();
    }

    /**
     * Returns the name-based UUID version 5 (SHA-1) of a name in a namespace (RFC 4122, 4.3).
     *
     * @param namespace the namespace
     * @param name the name, encoded as UTF-8
     * @return the UUID
     */
    public static UUID uuidV5(UUID namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
