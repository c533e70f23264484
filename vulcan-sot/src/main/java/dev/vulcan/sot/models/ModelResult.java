package dev.vulcan.sot.models;

import java.util.Objects;

/**
 * The build result of one model.
 *
 * @param name the model
 * @param materialization how it was materialized
 * @param status success, error or skipped
 * @param rowCount rows of the run in the built table, null for views and unbuilt models
 * @param message the error, or why it was skipped; null on success
 */
public record ModelResult(String name, Materialization materialization, RunStatus status, Long rowCount, String message) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if the name, materialization or status is null
     */
    public ModelResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(status, "status");
    }
}
