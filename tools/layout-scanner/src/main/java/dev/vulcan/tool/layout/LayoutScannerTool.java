package dev.vulcan.tool.layout;

import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.layout.internal.CategoryRules;
import dev.vulcan.tool.layout.internal.LanguageCatalog;
import dev.vulcan.tool.layout.internal.LayoutScanner;
import dev.vulcan.tool.layout.internal.ScanLimits;
import java.time.Duration;

/**
 * The layout scanner (architecture proposal 3.1, phase 0): the canonical file universe of a repository.
 *
 * <p>For a git work tree it lists what git tracks plus untracked files that {@code .gitignore} does not
 * ignore; for a plain directory it walks the tree. It never enters {@code .git}, never follows a symbolic link
 * (a link is an entry with its target kind) and reads each file once. Output: {@code data.files[]},
 * {@code data.directories[]} and {@code data.summary}, described by {@code schemas/output.schema.json} and the
 * README. Tool-specific parameters: {@code max_file_bytes}, {@code max_file_seconds}.
 */
public final class LayoutScannerTool implements Tool {

    /** The tool name. */
    public static final String NAME = "layout-scanner";

    private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.builder(NAME)
            .displayName("Layout scanner")
            .version("1.0.0")
            .schemaVersion("1.0.0")
            .phase(0)
            .timeout(Duration.ofSeconds(600))
            .produces("lz_layout_files", "lz_layout_directories")
            .requiresLayout(false)
            .build();

    /** Creates the tool (the service loader needs a public no-argument constructor). */
    public LayoutScannerTool() {
        // Stateless: the catalog and rules are shared, immutable classpath data.
    }

    /**
     * Returns the tool's registry entry: phase 0, no dependencies, feeds lz_layout_files and
     * lz_layout_directories, does not require the layout.
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
     * @return the layout data and the per-file problems
     * @throws java.io.IOException if the repository cannot be walked at all
     * @throws IllegalArgumentException if a tool parameter is invalid or the path is a bare repository
     */
    @Override
    public ToolResult analyze(ToolContext context) throws Exception {
        ScanLimits limits = ScanLimits.fromToolSpecific(context.toolSpecific());
        LayoutScanner scanner = new LayoutScanner(LanguageCatalog.defaults(), CategoryRules.defaults(), limits);
        LayoutScanner.Scan scan = scanner.scan(context.repoPath(), context::checkCancelled);
        return new ToolResult(scan.data(), scan.errors(), scan.filesAnalyzed());
    }
}
