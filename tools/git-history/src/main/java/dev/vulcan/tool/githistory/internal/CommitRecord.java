package dev.vulcan.tool.githistory.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One commit of the walked history, as the statistics need it.
 *
 * @param sha the full commit SHA
 * @param authorName the author name recorded in the commit (before {@code .mailmap})
 * @param authorEmail the author e-mail recorded in the commit (before {@code .mailmap})
 * @param authorTime the author time
 * @param merge true for a commit with more than one parent; its changes are not counted
 * @param changesKnown false when the commit's changes could not be computed (shallow boundary, missing objects)
 * @param changes the files changed against the only parent; empty for merges and unknown changes
 */
public record CommitRecord(String sha, String authorName, String authorEmail, Instant authorTime, boolean merge,
        boolean changesKnown, List<FileChange> changes) {

    /**
     * Creates a record.
     *
     * @throws NullPointerException if a value is null
     */
    public CommitRecord {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(authorTime, "authorTime");
        changes = List.copyOf(changes);
    }
}
