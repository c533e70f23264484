package dev.vulcan.tool.layout;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a symbolic link points to, found without following it (the link text is resolved lexically and each
 * path segment inside the repository is examined without following links). Each constant has a stable
 * external code (the {@code symlink_target_kind} of {@code data.files[]}).
 */
public enum SymlinkTargetKind {
    /** A regular file inside the repository. */
    FILE("file"),
    /** A directory inside the repository. */
    DIRECTORY("directory"),
    /** Another symbolic link, or a path through one, inside the repository (not resolved further). */
    SYMLINK("symlink"),
    /** Nothing: the target does not exist. */
    MISSING("missing"),
    /** An absolute path or one that leaves the repository; never examined. */
    OUTSIDE("outside"),
    /** Something else inside the repository (a FIFO, a socket, a device). */
    OTHER("other");

    private final String code;

    SymlinkTargetKind(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code used in the output
     */
    public String code() {
        return code;
    }

    /**
     * Returns the kind with an external code.
     *
     * @param code the code
     * @return the kind
     * @throws IllegalArgumentException if no kind has this code
     */
    public static SymlinkTargetKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown symlink target kind: " + code));
    }
}
