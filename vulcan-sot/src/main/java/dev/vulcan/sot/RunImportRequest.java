package dev.vulcan.sot;

import dev.vulcan.core.envelope.Commits;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * What the orchestrator asks the source of truth to import: every tool artifact under
 * {@code outputDir/{tool}/} of one collection run.
 *
 * @param runId the collection run; every artifact must carry it
 * @param repoId the repository; every artifact must carry it
 * @param commit the full 40-hex commit SHA analyzed; every artifact must carry it
 * @param branch the branch analyzed
 * @param outputDir the run's output root, holding one folder per tool
 * @param replace true to replace the data of an earlier import of the same run or repository+commit;
 *     without it such a re-import is refused with {@link RunAlreadyImportedException}
 */
public record RunImportRequest(UUID runId, UUID repoId, String commit, String branch, Path outputDir,
        boolean replace) {

    /**
     * Creates the request.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the commit is not a full SHA or the branch is blank
     */
    public RunImportRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(repoId, "repoId");
        Commits.requireFullSha(commit);
        Objects.requireNonNull(branch, "branch");
        if (branch.isBlank()) {
            throw new IllegalArgumentException("branch must not be blank");
        }
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
