package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.Rule;

/** Remediation advice per rule, phrased for the framework the finding was detected in. */
public final class Remediation {

    private Remediation() {
    }

    /**
     * Returns the remediation text of a rule for a framework.
     *
     * @param rule the rule
     * @param framework the framework, or null
     * @return the advice
     */
    public static String text(Rule rule, Framework framework) {
        String gate = humanGate(framework);
        return switch (rule) {
            case UNGUARDED_DATA_EXFILTRATION_PATH -> "Put a human approval between reading data and sending it out: "
                    + gate + "; or split the data-access and outbound tools into crews that do not share outputs.";
            case DESTRUCTIVE_WITHOUT_APPROVAL -> "Require human approval before destructive actions: " + gate
                    + "; prefer soft deletes and least-privilege credentials for the tool.";
            case CODE_EXECUTION_TOOL -> "Run generated code only in a sandbox (container without network or secrets) "
                    + "and gate it: " + gate + ".";
            case FINANCIAL_WITHOUT_APPROVAL -> "Require human approval and amount limits for financial actions: "
                    + gate + ".";
            case UNPINNED_MCP_SERVER -> "Pin the MCP server package to an exact version (npx pkg@1.2.3, uvx pkg==1.2.3, "
                    + "an image digest) and review its updates.";
            case SHARED_TOOL_BLAST_RADIUS -> "Give each agent its own narrowly scoped tool instance (separate "
                    + "credentials and limits) so one compromised agent cannot use every agent's reach.";
            case SHARED_DATA_STORE_IN_PIPELINE -> "Let only the upstream agent read the store and pass the downstream "
                    + "agent only what it needs (task context), or scope each agent's read access.";
        };
    }

    private static String humanGate(Framework framework) {
        if (framework == null) {
            return "add a human-in-the-loop approval step";
        }
        return switch (framework) {
            case CREWAI -> "set human_input=True on the task that uses the tool";
            case LANGGRAPH -> "compile the graph with interrupt_before=[the tool node] and a checkpointer";
            case LANGCHAIN -> "add a HumanApprovalCallbackHandler to the tool or the AgentExecutor";
            case AUTOGEN -> "route execution through a UserProxyAgent with human_input_mode=\"ALWAYS\"";
            case OPENAI_AGENTS -> "add an input/output guardrail or a human approval step before the tool runs";
            case MCP -> "require client-side confirmation for the MCP tool call";
        };
    }
}
