package dev.vulcan.orchestrator.repo;

import java.util.Arrays;
import java.util.Objects;

/** How the analyzed files were obtained, with a stable external code. */
public enum Checkout {
    /** A local work tree whose HEAD is the analyzed commit, analyzed where it is. */
    IN_PLACE("in_place"),
    /** A clone into the run's workspace (URL, bare repository, or another commit than the work tree's). */
    CLONED("cloned"),
    /** A plain directory without git; the commit is a content hash (see {@link RepoResolver}). */
    PLAIN_DIRECTORY("plain_directory");

    private final String code;

    Checkout(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the checkout with an external code.
     *
     * @param code the code
     * @return the checkout
     * @throws IllegalArgumentException if no checkout has this code
     */
    public static Checkout fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown checkout: " + code));
    }
}
