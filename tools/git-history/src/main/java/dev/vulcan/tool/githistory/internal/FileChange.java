package dev.vulcan.tool.githistory.internal;

import java.util.Objects;

/**
 * One file changed by one commit, compared with the commit's only parent.
 *
 * @param path the file's path in that commit (the old path for a deletion)
 * @param currentPath the file's path at the analyzed commit (renames followed), or null when the file no longer
 *     exists there
 * @param linesAdded lines added (0 for a binary change)
 * @param linesDeleted lines deleted (0 for a binary change)
 * @param binary true when the change was counted without a line diff (binary or over the size cap)
 */
public record FileChange(String path, String currentPath, int linesAdded, int linesDeleted, boolean binary) {

    /**
     * Creates a change.
     *
     * @throws IllegalArgumentException if a line count is negative
     */
    public FileChange {
        Objects.requireNonNull(path, "path");
        if (linesAdded < 0 || linesDeleted < 0) {
            throw new IllegalArgumentException("line counts must not be negative");
        }
    }
}
