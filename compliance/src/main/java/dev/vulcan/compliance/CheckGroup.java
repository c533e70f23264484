package dev.vulcan.compliance;

import java.util.Arrays;
import java.util.Objects;

/**
 * The groups of compliance checks (architecture proposal Appendix C), each with a stable external code.
 */
public enum CheckGroup {
    /** Files and registrations a tool module must have. */
    STRUCTURE("structure"),
    /** How the tool jar treats its command line and config file. */
    INPUT("input"),
    /** What one analysis run writes (needs {@code --run-analysis}). */
    OUTPUT("output"),
    /** What the tool depends on. */
    ISOLATION("isolation"),
    /** The tool's evaluation against its ground truth (needs {@code --run-evaluate}). */
    EVALUATE("evaluate");

    private final String code;

    CheckGroup(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code, the prefix of every check id of the group.
     *
     * @return the code, such as {@code structure}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the group with an external code.
     *
     * @param code the code
     * @return the group
     * @throws IllegalArgumentException if no group has this code
     */
    public static CheckGroup fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown check group: " + code));
    }
}
