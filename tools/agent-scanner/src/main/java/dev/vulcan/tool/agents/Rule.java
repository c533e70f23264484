package dev.vulcan.tool.agents;

import dev.vulcan.core.severity.Severity;
import java.util.Arrays;
import java.util.Objects;

/**
 * The finding rules of the agent scanner, with stable ids (documented in {@code RULES.md} of the tool module).
 * Further instances of STRATUM-CR05 in one crew get sub-ids {@code STRATUM-CR05.1}, {@code STRATUM-CR05.2}...
 */
public enum Rule {
    /** A data-access tool's data can reach an outbound tool in one crew with no human gate on the path. */
    UNGUARDED_DATA_EXFILTRATION_PATH("STRATUM-001", Severity.HIGH,
            "Data access can flow to an outbound tool without a human in the loop"),
    /** A destructive capability is reachable without human approval. */
    DESTRUCTIVE_WITHOUT_APPROVAL("STRATUM-002", Severity.HIGH,
            "Destructive capability without human approval"),
    /** An agent can execute code. */
    CODE_EXECUTION_TOOL("STRATUM-003", Severity.HIGH, "Agent can execute code"),
    /** A financial capability is reachable without human approval. */
    FINANCIAL_WITHOUT_APPROVAL("STRATUM-004", Severity.CRITICAL,
            "Financial capability without human approval"),
    /** An MCP server is launched from a package without a pinned version. */
    UNPINNED_MCP_SERVER("STRATUM-005", Severity.MEDIUM, "MCP server launched from an unpinned package"),
    /** One tool is shared by two or more agents of one crew. */
    SHARED_TOOL_BLAST_RADIUS("STRATUM-CR05", Severity.MEDIUM, "Tool shared by several agents of one crew"),
    /** Upstream and downstream agents of a sequential crew read the same data store. */
    SHARED_DATA_STORE_IN_PIPELINE("STRATUM-CR06", Severity.MEDIUM,
            "Upstream and downstream agents of a sequential crew read the same data store");

    private final String id;
    private final Severity severity;
    private final String title;

    Rule(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /**
     * Returns the stable rule id, such as {@code STRATUM-001}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the severity of the rule's findings.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Returns a one-line title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * Returns the rule with an id (sub-ids such as {@code STRATUM-CR05.1} map to their base rule).
     *
     * @param id the rule id
     * @return the rule
     * @throws IllegalArgumentException if no rule has this id
     */
    public static Rule fromId(String id) {
        Objects.requireNonNull(id, "id");
        String base = id.matches(".*\\.[0-9]+$") ? id.substring(0, id.lastIndexOf('.')) : id;
        return Arrays.stream(values()).filter(r -> r.id.equals(base)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule id: '" + id + "'"));
    }
}
