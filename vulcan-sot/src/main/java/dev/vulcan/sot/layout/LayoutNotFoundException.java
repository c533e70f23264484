package dev.vulcan.sot.layout;

import dev.vulcan.sot.SotException;
import java.util.Objects;

/** Thrown by the Layout API when a run, path or id is not in the landed layout. The message names it. */
public final class LayoutNotFoundException extends SotException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names what was not found and in which run
     */
    public LayoutNotFoundException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
