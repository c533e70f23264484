package dev.vulcan.sot;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code collection_runs} (Appendix D.5).
 *
 * @param runId the run
 * @param repoId the repository
 * @param branch the branch
 * @param commit the full commit SHA
 * @param startedAt when it started
 * @param completedAt when it ended, null while running
 * @param status its status
 * @param toolsTotal tools whose artifacts were imported or attempted, null while running
 * @param toolsSucceeded tools imported, null while running
 * @param toolsFailed tools rejected or failed, null while running
 * @param durationSeconds wall time from start to end, null while running
 */
public record CollectionRun(UUID runId, UUID repoId, String branch, String commit, Instant startedAt,
        Instant completedAt, CollectionRunStatus status, Integer toolsTotal, Integer toolsSucceeded,
        Integer toolsFailed, Double durationSeconds) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an identifying component is null
     */
    public CollectionRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }
}
