package dev.vulcan.tool.complexity.internal;

import java.util.Objects;

/**
 * One call site.
 *
 * @param caller the qualified name of the enclosing function, or null for a call at module/class level
 * @param callee the called name as written, without receiver
 * @param receiver the receiver when it is a plain (dotted) name such as {@code this}, {@code os.path}, else null
 * @param resolved the qualified name of the called symbol when the file itself makes it unambiguous, else null
 * @param resolution how it was resolved
 * @param line the line of the call
 */
public record CallInfo(String caller, String callee, String receiver, String resolved, Resolution resolution,
        int line) {

    /**
     * Creates a call.
     *
     * @throws IllegalArgumentException if the line is not positive or resolved and resolution disagree
     */
    public CallInfo {
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(resolution, "resolution");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive");
        }
        if ((resolved == null) != (resolution == Resolution.UNRESOLVED)) {
            throw new IllegalArgumentException("resolved and resolution disagree for " + callee);
        }
    }

    /** How a callee was resolved, with its stable external code. */
    public enum Resolution {
        /** Exactly one function of that name is declared in the same file. */
        SAME_FILE("same_file"),
        /** The file's imports name the callee or its receiver unambiguously. */
        IMPORT("import"),
        /** Not resolved. */
        UNRESOLVED("unresolved");

        private final String code;

        Resolution(String code) {
            this.code = code;
        }

        /**
         * Returns the external code.
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }
}
