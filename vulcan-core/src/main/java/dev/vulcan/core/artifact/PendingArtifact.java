package dev.vulcan.core.artifact;

import java.util.Objects;

/**
 * A tool artifact read and checked except for its {@code data} against the tool schema
 * ({@link ArtifactIo#readPending}): the envelope can be used at once, and {@link #validateData()} reaches the
 * remaining verdict, on any thread. Nothing taken from the artifact should be kept until that verdict passed.
 */
public final class PendingArtifact {

    /** The remaining check; throws {@link ArtifactException} when the data is invalid. */
    @FunctionalInterface
    interface DataCheck {
        void run();
    }

    private final ToolArtifact artifact;
    private final DataCheck dataCheck;

    PendingArtifact(ToolArtifact artifact, DataCheck dataCheck) {
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.dataCheck = Objects.requireNonNull(dataCheck, "dataCheck");
    }

    /**
     * Returns the artifact (its envelope parsed and checked against the envelope schema and the metadata).
     *
     * @return the artifact
     */
    public ToolArtifact artifact() {
        return artifact;
    }

    /**
     * Validates the data against the tool schema (skipped when the same bytes already passed that schema in this
     * process, and recorded when they pass); does nothing for a failed execution, which has no data.
     *
     * @throws ArtifactException naming the output file and every problem when the data is invalid
     */
    public void validateData() {
        dataCheck.run();
    }
}
