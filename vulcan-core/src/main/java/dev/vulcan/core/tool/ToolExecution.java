package dev.vulcan.core.tool;

import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.exit.ExitCode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one tool execution: how it ended and what was written.
 *
 * @param exitCode how the execution ended
 * @param metadata the execution metadata written to {@code metadata.json}
 * @param metadataFile the written {@code metadata.json}
 * @param outputFile the written {@code output.json}, null when the execution failed
 */
public record ToolExecution(ExitCode exitCode, ExecutionMetadata metadata, Path metadataFile, Path outputFile) {

    /**
     * Creates an outcome.
     *
     * @throws IllegalArgumentException if a successful execution has no output file or a failed one has one
     */
    public ToolExecution {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(metadataFile, "metadataFile");
        if (exitCode.isSuccess() != (outputFile != null)) {
            throw new IllegalArgumentException("a successful execution has an output file, a failed one has none");
        }
    }

    /**
     * Returns the output file, if the execution wrote one.
     *
     * @return the output file
     */
    public Optional<Path> outputFileIfAny() {
        return Optional.ofNullable(outputFile);
    }
}
