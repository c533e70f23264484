package dev.vulcan.orchestrator.registry;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a tool name is not in the registry; the message lists the known tools.
 */
public final class UnknownToolException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> unknown;
    private final List<String> known;

    /**
     * Creates the exception.
     *
     * @param unknown the names not found
     * @param known the names the registry knows
     */
    public UnknownToolException(List<String> unknown, List<String> known) {
        super("unknown tool" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                + "; known tools: " + (known.isEmpty() ? "(none found on the class path)" : String.join(", ", known)));
        this.unknown = List.copyOf(Objects.requireNonNull(unknown, "unknown"));
        this.known = List.copyOf(Objects.requireNonNull(known, "known"));
    }

    /**
     * Returns the names that were not found.
     *
     * @return the unknown names
     */
    public List<String> unknown() {
        return unknown;
    }

    /**
     * Returns the names the registry knows.
     *
     * @return the known names, sorted
     */
    public List<String> known() {
        return known;
    }
}
