package dev.vulcan.sot.layout;

import java.util.Objects;

/**
 * A directory of the layout (architecture proposal 3.1 DirectoryInfo).
 *
 * @param directoryId the canonical directory_id
 * @param relativePath the repo-relative path, "" for the root
 * @param parentId the parent's directory_id, null for the root
 * @param depth 0 for the root
 * @param fileCount files directly in it, null when unknown
 * @param totalSizeBytes size of the files directly in it, null when unknown
 */
public record DirectoryInfo(String directoryId, String relativePath, String parentId, int depth, Long fileCount,
        Long totalSizeBytes) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an identifying component is null
     * @throws IllegalArgumentException if the depth is negative
     */
    public DirectoryInfo {
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(relativePath, "relativePath");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative");
        }
    }
}
