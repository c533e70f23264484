package dev.vulcan.sot.models;

import java.util.List;
import java.util.Objects;

/**
 * A data test: a query that must return zero rows. Singular tests are {@code tests/<name>.sql}; generic tests
 * (not_null, unique, relationships, accepted_values) are declared per model column in {@code models/*.yml}.
 *
 * @param name the test name
 * @param sql the raw SQL (singular) or generated SQL (generic), possibly with Jinja expressions
 * @param models the models it reads; it is skipped when one of them was not built
 * @param generic true for a generic test
 */
public record DataTest(String name, String sql, List<String> models, boolean generic) {

    /**
     * Creates the test.
     *
     * @throws NullPointerException if a component is null
     */
    public DataTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        models = List.copyOf(models);
    }
}
