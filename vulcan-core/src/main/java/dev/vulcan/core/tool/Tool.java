package dev.vulcan.core.tool;

import dev.vulcan.core.schema.VulcanSchemas;

/**
 * An analysis tool: reads a repository, returns tool-specific data. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.vulcan.core.tool.Tool}) and must have a public
 * no-argument constructor.
 *
 * <p>A tool never writes files itself (except debug logs under {@link ToolContext#logsDir()}), never exits the
 * JVM and never touches a database: {@link ToolExecutor} times it, validates its result and writes the
 * artifact. The same instance may be run by the standard CLI ({@link ToolLauncher}) or in-process by the
 * orchestrator.
 */
public interface Tool {

    /**
     * Returns the tool's registry entry.
     *
     * @return the descriptor
     */
    ToolDescriptor descriptor();

    /**
     * Analyzes the repository. Problems with single files go into {@link ToolResult#errors()} with
     * {@code recoverable=true} and the analysis goes on (partial result); an exception means the whole analysis
     * failed. Long-running tools call {@link ToolContext#checkCancelled()} regularly.
     *
     * @param context the validated inputs
     * @return the data and errors
     * @throws Exception if the analysis as a whole failed
     */
    ToolResult analyze(ToolContext context) throws Exception;

    /**
     * Returns the id of the schema that validates this tool's {@code data}; by default the tool module's
     * packaged {@code schemas/output.schema.json}.
     *
     * @return the schema id
     */
    default String outputSchemaId() {
        return VulcanSchemas.toolOutput(descriptor().name());
    }
}
