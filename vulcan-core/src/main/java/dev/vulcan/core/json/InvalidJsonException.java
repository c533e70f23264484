package dev.vulcan.core.json;

/**
 * Thrown when a JSON document cannot be read: missing, unreadable, not UTF-8, truncated or malformed.
 * The message always names the source (usually a file path) and the problem.
 */
public final class InvalidJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the source and the problem
     */
    public InvalidJsonException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the source and the problem
     * @param cause the underlying failure
     */
    public InvalidJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
