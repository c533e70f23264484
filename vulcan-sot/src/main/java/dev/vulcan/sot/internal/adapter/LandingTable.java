package dev.vulcan.sot.internal.adapter;

import java.util.Objects;

/**
 * One table of an adapter's landing contract.
 *
 * @param name the table name
 * @param ddl idempotent statements that create the table (and migrate older layouts); run at open
 */
public record LandingTable(String name, String ddl) {

    /**
     * Creates the table declaration.
     *
     * @throws NullPointerException if a component is null
     */
    public LandingTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ddl, "ddl");
    }
}
