package dev.vulcan.sot;

import java.util.Objects;

/**
 * Thrown by {@link SourceOfTruth#importRun(RunImportRequest)} when the source of truth already holds data for
 * the same run or for the same repository and commit, and the request did not ask to replace it.
 */
public final class RunAlreadyImportedException extends SotException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the run, repository and commit already present
     */
    public RunAlreadyImportedException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
