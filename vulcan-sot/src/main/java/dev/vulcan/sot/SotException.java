package dev.vulcan.sot;

/**
 * Thrown when the source of truth cannot do what was asked: the database cannot be opened or written, a
 * statement fails, or a precondition of the engine does not hold. The message says what and where.
 */
public class SotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public SotException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public SotException(String message) {
        super(message);
    }
}
