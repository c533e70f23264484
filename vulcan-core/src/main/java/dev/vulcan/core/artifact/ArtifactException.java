package dev.vulcan.core.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when a tool artifact cannot be read or is not trustworthy: missing file, invalid JSON, schema
 * violation, digest or identifier mismatch. The message names the file and the problem.
 */
public final class ArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the offending file
     * @param problem what is wrong with it
     * @param cause the underlying failure, or null
     */
    public ArtifactException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /**
     * Returns the offending file.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}
