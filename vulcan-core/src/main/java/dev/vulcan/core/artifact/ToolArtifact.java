package dev.vulcan.core.artifact;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.core.envelope.ExecutionMetadata;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool's artifact as read back from {@code {output}/{tool}/}: its execution metadata and, unless the
 * execution failed, its validated envelope.
 *
 * @param directory the tool's output directory
 * @param metadata the execution metadata
 * @param envelope the envelope, null for a failed execution
 */
public record ToolArtifact(Path directory, ExecutionMetadata metadata, Envelope envelope) {

    /**
     * Creates the artifact.
     *
     * @throws NullPointerException if the directory or metadata is null
     */
    public ToolArtifact {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * Returns the envelope, if the execution produced one.
     *
     * @return the envelope
     */
    public Optional<Envelope> envelopeIfAny() {
        return Optional.ofNullable(envelope);
    }
}
