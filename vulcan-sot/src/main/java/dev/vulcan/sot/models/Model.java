package dev.vulcan.sot.models;

import java.util.List;
import java.util.Objects;

/**
 * One SQL model of a project: {@code models/<layer>/<name>.sql}.
 *
 * @param name the model name (file name without {@code .sql})
 * @param layer the folder under {@code models/}: staging, intermediate or marts
 * @param sql the raw SQL with its Jinja expressions
 * @param materialization how it is materialized
 * @param uniqueKey the incremental key, null unless incremental
 * @param refs the models it references, in order of first appearance
 */
public record Model(String name, String layer, String sql, Materialization materialization, String uniqueKey,
        List<String> refs) {

    /**
     * Creates the model.
     *
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if an incremental model has no unique key
     */
    public Model {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(materialization, "materialization");
        refs = List.copyOf(refs);
        if (materialization == Materialization.INCREMENTAL && uniqueKey == null) {
            throw new IllegalArgumentException("incremental model " + name + " needs a unique_key");
        }
    }
}
