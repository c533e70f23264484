package dev.vulcan.orchestrator.repo;

/**
 * Thrown when the repository to analyze cannot be resolved: the path does not exist, the URL cannot be cloned,
 * the repository has no commits, or a branch or commit is unknown. The message names the source and the problem.
 */
public final class RepoResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the source and the problem
     * @param cause the underlying failure, or null
     */
    public RepoResolutionException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message names the source and the problem
     */
    public RepoResolutionException(String message) {
        super(message);
    }
}
