package dev.vulcan.sot.internal.adapter;

import dev.vulcan.sot.QualityDimension;
import java.util.Objects;

/**
 * A landing check (validation point 2): a query that returns one row per violation, with a {@code sample}
 * column naming the violating key or path. The literal {@code {run_id}} in the query is replaced by the run.
 *
 * @param name the stable check name, such as {@code file_id_in_layout}
 * @param dimension the quality dimension the violations count against
 * @param description what the check requires, in words
 * @param violationsSql the query
 */
public record LandingCheck(String name, QualityDimension dimension, String description, String violationsSql) {

    /**
     * Creates the check.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the query does not use {@code {run_id}}
     */
    public LandingCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(violationsSql, "violationsSql");
        if (!violationsSql.contains("{run_id}")) {
            throw new IllegalArgumentException("landing check " + name + " must be scoped to {run_id}");
        }
    }
}
