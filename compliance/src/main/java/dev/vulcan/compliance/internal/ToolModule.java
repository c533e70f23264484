package dev.vulcan.compliance.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One tool module folder, {@code ROOT/tools/NAME}, and where its files are by convention.
 *
 * @param name the tool name (the folder name)
 * @param dir the module folder
 * @param version the project version (the root pom's), which names the executable jar
 */
public record ToolModule(String name, Path dir, String version) {

    /** The services file registering a tool for {@link java.util.ServiceLoader}. */
    public static final String SERVICES_ENTRY = "META-INF/services/dev.vulcan.core.tool.Tool";

    /**
     * Creates a module.
     *
     * @throws NullPointerException if a component is null
     */
    public ToolModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Returns the Makefile.
     *
     * @return {@code dir/Makefile}
     */
    public Path makefile() {
        return dir.resolve("Makefile");
    }

    /**
     * Returns the module's pom.
     *
     * @return {@code dir/pom.xml}
     */
    public Path pom() {
        return dir.resolve("pom.xml");
    }

    /**
     * Returns the output schema file.
     *
     * @return {@code dir/schemas/output.schema.json}
     */
    public Path schemaFile() {
        return dir.resolve("schemas").resolve("output.schema.json");
    }

    /**
     * Returns the executable jar built by {@code make setup}.
     *
     * @return {@code dir/target/vulcan-tool-NAME-VERSION-all.jar}
     */
    public Path jar() {
        return dir.resolve("target").resolve("vulcan-tool-" + name + "-" + version + "-all.jar");
    }

    /**
     * Returns where the output schema is packaged on the tool's classpath.
     *
     * @return {@code dev/vulcan/schemas/tools/NAME/output.schema.json}
     */
    public String packagedSchemaEntry() {
        return "dev/vulcan/schemas/tools/" + name + "/output.schema.json";
    }
}
