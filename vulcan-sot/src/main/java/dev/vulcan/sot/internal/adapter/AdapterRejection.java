package dev.vulcan.sot.internal.adapter;

import java.util.Objects;

/** Thrown by {@link ToolAdapter#validate} when an artifact breaks a rule its schema cannot express. */
public final class AdapterRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the rejection.
     *
     * @param message names the element and the broken rule
     */
    public AdapterRejection(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
