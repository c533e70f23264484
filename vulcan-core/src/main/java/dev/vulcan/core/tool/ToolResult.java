package dev.vulcan.core.tool;

import dev.vulcan.core.envelope.ToolError;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tool's analysis returns. The result takes ownership of the data node: it is not copied (tool outputs
 * can be large), so the tool must not change it after returning.
 *
 * @param data the tool-specific data, validated against the tool's schema before it is written
 * @param errors recoverable problems met (files that could not be analyzed...); empty for a complete result
 * @param filesAnalyzed how many files were analyzed
 */
public record ToolResult(ObjectNode data, List<ToolError> errors, int filesAnalyzed) {

    /**
     * Creates a result.
     *
     * @throws IllegalArgumentException if the file count is negative
     */
    public ToolResult {
        Objects.requireNonNull(data, "data");
        errors = List.copyOf(errors);
        if (filesAnalyzed < 0) {
            throw new IllegalArgumentException("filesAnalyzed must not be negative");
        }
    }
}
