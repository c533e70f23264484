package dev.vulcan.core.git;

/**
 * Thrown when a repository or a ref cannot be resolved: not a git repository, no commits, unknown ref.
 */
public final class GitResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the repository and the problem
     */
    public GitResolutionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the repository and the problem
     * @param cause the underlying failure
     */
    public GitResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
