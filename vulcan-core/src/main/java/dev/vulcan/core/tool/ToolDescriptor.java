package dev.vulcan.core.tool;

import dev.vulcan.core.schema.VulcanSchemas;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A tool's registry entry (architecture proposal E.2): identity, output schema version, execution phase,
 * dependencies and execution hints.
 *
 * @param name the tool name, kebab-case, also its output folder name
 * @param displayName a human-readable name
 * @param version the tool version
 * @param schemaVersion the version of its output schema, MAJOR.MINOR.PATCH
 * @param phase 0 for the foundation (layout), 1 for independent tools, 2+ for dependent ones
 * @param dependsOn tools that must run before it
 * @param timeout its time limit
 * @param languages languages it analyzes, {@code ["*"]} for all
 * @param parallelSafe whether it may run beside other tools
 * @param produces landing tables its output feeds
 * @param requiresLayout whether the layout-scanner output is needed to import it
 * @param incrementalCapable whether it supports incremental analysis
 */
public record ToolDescriptor(
        String name,
        String displayName,
        String version,
        String schemaVersion,
        int phase,
        List<String> dependsOn,
        Duration timeout,
        List<String> languages,
        boolean parallelSafe,
        List<String> produces,
        boolean requiresLayout,
        boolean incrementalCapable) {

    private static final String SEMVER = "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$";

    /**
     * Creates a descriptor.
     *
     * @throws IllegalArgumentException if the name is invalid, the schema version is not MAJOR.MINOR.PATCH,
     *     the phase is outside 0..3, the timeout is not positive, or the tool depends on itself
     */
    public ToolDescriptor {
        VulcanSchemas.requireToolName(name);
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        if (!schemaVersion.matches(SEMVER)) {
            throw new IllegalArgumentException(name + ": schema version must be MAJOR.MINOR.PATCH: " + schemaVersion);
        }
        if (phase < 0 || phase > 3) {
            throw new IllegalArgumentException(name + ": phase must be 0..3, got " + phase);
        }
        dependsOn = List.copyOf(dependsOn);
        dependsOn.forEach(VulcanSchemas::requireToolName);
        if (dependsOn.contains(name)) {
            throw new IllegalArgumentException(name + ": a tool cannot depend on itself");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + ": timeout must be positive");
        }
        languages = List.copyOf(languages);
        produces = List.copyOf(produces);
    }

    /**
     * Starts a builder with defaults: phase 1, version 1.0.0, schema version 1.0.0, no dependencies, a 300 s
     * timeout, all languages, parallel safe, requires the layout, not incremental.
     *
     * @param name the tool name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Returns the MAJOR part of the schema version.
     *
     * @return the major version
     */
    public int schemaMajor() {
        return Integer.parseInt(schemaVersion.substring(0, schemaVersion.indexOf('.')));
    }

    /** A builder of {@link ToolDescriptor}. */
    public static final class Builder {
        private final String name;
        private String displayName;
        private String version = "1.0.0";
        private String schemaVersion = "1.0.0";
        private int phase = 1;
        private List<String> dependsOn = List.of();
        private Duration timeout = Duration.ofSeconds(300);
        private List<String> languages = List.of("*");
        private boolean parallelSafe = true;
        private List<String> produces = List.of();
        private boolean requiresLayout = true;
        private boolean incrementalCapable;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.displayName = name;
        }

        /**
         * Sets the display name.
         *
         * @param value the name
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /**
         * Sets the tool version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /**
         * Sets the output schema version.
         *
         * @param value MAJOR.MINOR.PATCH
         * @return this builder
         */
        public Builder schemaVersion(String value) {
            this.schemaVersion = value;
            return this;
        }

        /**
         * Sets the phase.
         *
         * @param value 0..3
         * @return this builder
         */
        public Builder phase(int value) {
            this.phase = value;
            return this;
        }

        /**
         * Sets the tools this one depends on.
         *
         * @param value tool names
         * @return this builder
         */
        public Builder dependsOn(String... value) {
            this.dependsOn = List.of(value);
            return this;
        }

        /**
         * Sets the timeout.
         *
         * @param value the time limit
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * Sets the languages analyzed.
         *
         * @param value language names, or "*"
         * @return this builder
         */
        public Builder languages(String... value) {
            this.languages = List.of(value);
            return this;
        }

        /**
         * Sets whether the tool may run beside others.
         *
         * @param value true when parallel safe
         * @return this builder
         */
        public Builder parallelSafe(boolean value) {
            this.parallelSafe = value;
            return this;
        }

        /**
         * Sets the landing tables the tool's output feeds.
         *
         * @param value table names
         * @return this builder
         */
        public Builder produces(String... value) {
            this.produces = List.of(value);
            return this;
        }

        /**
         * Sets whether the layout is needed to import the tool's output.
         *
         * @param value true when required
         * @return this builder
         */
        public Builder requiresLayout(boolean value) {
            this.requiresLayout = value;
            return this;
        }

        /**
         * Sets whether the tool supports incremental analysis.
         *
         * @param value true when incremental capable
         * @return this builder
         */
        public Builder incrementalCapable(boolean value) {
            this.incrementalCapable = value;
            return this;
        }

        /**
         * Builds the descriptor.
         *
         * @return the descriptor
         * @throws IllegalArgumentException if a value is invalid
         */
        public ToolDescriptor build() {
            return new ToolDescriptor(name, displayName, version, schemaVersion, phase, dependsOn, timeout, languages,
                    parallelSafe, produces, requiresLayout, incrementalCapable);
        }
    }
}
