package dev.vulcan.tool.agents;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolLauncher;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.agents.internal.AgentScanner;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The agent-scanner tool: the AI-agent topology of a repository (agents, crews, tools and capabilities,
 * guardrails, LLM providers, findings, topology graph), read statically and never executed. Its artifact is the
 * input of telemetry v7 pings.
 */
public final class AgentScannerTool implements Tool {

    /** The tool name. */
    public static final String NAME = "agent-scanner";

    private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.builder(NAME)
            .displayName("Agent scanner")
            .version("1.0.0")
            .schemaVersion("1.1.0")
            .phase(1)
            .timeout(Duration.ofSeconds(300))
            .languages("python", "yaml", "json", "toml")
            .requiresLayout(true)
            .build();

    /** Creates the tool (used by the ServiceLoader). */
    public AgentScannerTool() {
        // stateless
    }

    /**
     * Runs the tool from the command line.
     *
     * @param args the standard tool arguments (see {@link ToolLauncher})
     */
    public static void main(String[] args) {
        ToolLauncher.main(new AgentScannerTool(), args);
    }

    /**
     * Returns the tool's descriptor.
     *
     * @return the descriptor
     */
    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Scans the repository.
     *
     * @param context the inputs
     * @return the data, recoverable per-file errors and the number of files scanned
     * @throws IOException if the repository cannot be listed
     */
    @Override
    public ToolResult analyze(ToolContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        AgentScanner.Result r = new AgentScanner(context.repoPath(), context::checkCancelled).scan();
        return new ToolResult(r.data(), r.errors(), r.filesScanned());
    }
}
