package dev.vulcan.tool.complexity;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolLauncher;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.complexity.internal.ComplexityAnalysis;
import dev.vulcan.tool.complexity.internal.ComplexityOptions;
import dev.vulcan.tool.complexity.internal.OutputJson;
import java.time.Duration;
import java.util.Objects;

/**
 * The complexity tool: functions with cyclomatic complexity (lizard's counting rules) and cognitive complexity
 * (SonarSource), per-file rollups, symbols with their export status, and calls, from tree-sitter parse trees of
 * Java, Python, JavaScript, TypeScript, Go, C and C++ files. See the module README for the rules.
 */
public final class ComplexityTool implements Tool {
    /** The tool name, also its output folder. */
    public static final String NAME = "complexity";

    private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.builder(NAME)
            .displayName("Complexity (tree-sitter)")
            .version("1.0.0")
            .schemaVersion("1.0.0")
            .phase(1)
            .timeout(Duration.ofSeconds(600))
            .languages("java", "python", "javascript", "typescript", "go", "c", "cpp")
            .produces("tool_complexity_functions", "tool_complexity_files", "code_symbols", "symbol_calls")
            .build();

    /** Creates the tool (public no-argument constructor for the ServiceLoader). */
    public ComplexityTool() {
        // stateless
    }

    /**
     * Runs the tool's standard command line.
     *
     * @param args the command line ({@code --help} lists it)
     */
    public static void main(String[] args) {
        ToolLauncher.main(new ComplexityTool(), args);
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Analyzes the repository's tracked files (or every file when it is not a git work tree).
     *
     * @param context the inputs; {@code tool_specific} may set max_file_bytes, parse_timeout_ms and threads
     * @return the data, with a recoverable error per file that was too large, unreadable, too slow to parse or
     *     parsed with syntax errors
     * @throws IllegalArgumentException if tool_specific holds an unknown key or a bad value
     * @throws Exception if the files cannot be listed or the run is cancelled
     */
    @Override
    public ToolResult analyze(ToolContext context) throws Exception {
        Objects.requireNonNull(context, "context");
        ComplexityOptions options = ComplexityOptions.from(context.toolSpecific());
        ComplexityAnalysis.Result result =
                ComplexityAnalysis.run(context.repoPath(), options, context::checkCancelled);
        return new ToolResult(OutputJson.data(result), result.errors(), result.files().size());
    }
}
