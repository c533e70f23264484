package dev.vulcan.core.config;

/**
 * Thrown when a tool config file cannot be used: unreadable, not JSON, or not valid against the tool config
 * schema. The message names the file and the problem.
 */
public class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the file and the problem
     */
    public InvalidConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the file and the problem
     * @param cause the underlying failure
     */
    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
