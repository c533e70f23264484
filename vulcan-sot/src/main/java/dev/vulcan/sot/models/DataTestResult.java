package dev.vulcan.sot.models;

import java.util.Objects;

/**
 * The result of one data test.
 *
 * @param name the test
 * @param status success (no rows), fail (rows returned), error or skipped
 * @param failingRows the number of rows returned (0 unless failed)
 * @param message the error or skip reason, or for a failure the test and its failing row count
 */
public record DataTestResult(String name, RunStatus status, long failingRows, String message) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if the name or status is null
     */
    public DataTestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
