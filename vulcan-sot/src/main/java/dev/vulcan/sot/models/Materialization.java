package dev.vulcan.sot.models;

import java.util.Arrays;
import java.util.Objects;

/** How a model is materialized, as its {@code {{ config(materialized='...') }}} says (dbt names). */
public enum Materialization {
    /** {@code CREATE OR REPLACE VIEW}: recomputed at every read. */
    VIEW("view"),
    /** {@code CREATE OR REPLACE TABLE}: holds the last build only. */
    TABLE("table"),
    /**
     * A table kept across builds: the rows whose {@code unique_key} equals the var of the same name (or, without
     * such a var, whose key appears in the new rows) are deleted, then the new rows inserted (dbt's
     * delete+insert strategy). Marts use {@code unique_key='run_id'}, so they hold every run.
     */
    INCREMENTAL("incremental");

    private final String code;

    Materialization(String code) {
        this.code = code;
    }

    /**
     * Returns the dbt name.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the materialization with a dbt name.
     *
     * @param code the name
     * @return the materialization
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Materialization fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported materialization '" + code
                        + "' (supported: view, table, incremental)"));
    }
}
