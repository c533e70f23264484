package dev.vulcan.compliance.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the SoT engine which adapters it registers (architecture proposal R5: a versioned landing contract per
 * tool and schema version).
 *
 * <p>The validator does not depend on {@code vulcan-sot} (ARCHITECTURE.md: compliance depends on core and
 * ArchUnit only), and the engine exposes its adapters only through its registry class
 * {@value #REGISTRY_CLASS}. So the engine's build output ({@code ROOT/vulcan-sot/target/classes}, else its jar
 * in {@code ROOT/vulcan-sot/target}) is loaded in a class loader of its own and the registry is asked the very
 * question the engine asks at import time: {@code AdapterRegistry.builtIn().find(toolName, schemaVersion)}.
 * When the engine is not built, or its registry cannot be queried, the engine's documented convention is used
 * instead: every adapter carries its landing contract at
 * {@code vulcan-sot/src/main/resources/dev/vulcan/sot/contracts/TOOL/vMAJOR/data.schema.json}
 * ({@value #CONTRACTS}), so the contract's presence in the sources answers the question, and the answer says
 * so. Without either, the answer is "unavailable" with the reason.
 */
public final class SotAdapterIndex implements AutoCloseable {

    /** The engine's adapter registry, queried reflectively. */
    public static final String REGISTRY_CLASS = "dev.vulcan.sot.internal.adapter.AdapterRegistry";

    /** Where, in the engine's sources, each adapter's landing contract lives: {@code TOOL/vMAJOR/data.schema.json}. */
    public static final String CONTRACTS = "vulcan-sot/src/main/resources/dev/vulcan/sot/contracts";

    private final URLClassLoader loader;
    private final Object registry;
    private final String source;
    private final String unavailable;
    private final Path contracts;

    private SotAdapterIndex(URLClassLoader loader, Object registry, String source, String unavailable, Path contracts) {
        this.loader = loader;
        this.registry = registry;
        this.source = source;
        this.unavailable = unavailable;
        this.contracts = contracts;
    }

    /**
     * The answer for one tool.
     *
     * @param available whether the engine could be asked
     * @param adapterName the adapter found, such as {@code loc/v1}, or null
     * @param detail what was asked and where, or why the engine could not be asked
     */
    public record Lookup(boolean available, String adapterName, String detail) {

        /**
         * Creates an answer.
         *
         * @throws NullPointerException if the detail is null
         */
        public Lookup {
            Objects.requireNonNull(detail, "detail");
        }

        /**
         * Tells whether an adapter was found.
         *
         * @return true when the engine registers an adapter for the tool and version
         */
        public boolean found() {
            return adapterName != null;
        }
    }

    /**
     * Loads the engine's registry from the build output under a project root.
     *
     * @param root the project root
     * @param version the project version (names the jar)
     * @return the index; unavailable (never null) when the engine is not built or cannot be queried
     */
    public static SotAdapterIndex fromBuild(Path root, String version) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(version, "version");
        Path classes = root.resolve("vulcan-sot/target/classes");
        Path jar = root.resolve("vulcan-sot/target/vulcan-sot-" + version + ".jar");
        Path location = Files.isDirectory(classes.resolve("dev/vulcan/sot")) ? classes
                : Files.isRegularFile(jar) ? jar : null;
        Path contracts = Files.isDirectory(root.resolve(CONTRACTS)) ? root.resolve(CONTRACTS) : null;
        if (location == null) {
            return unavailable(contracts, "vulcan-sot is not built (neither vulcan-sot/target/classes nor "
                    + "vulcan-sot/target/vulcan-sot-" + version + ".jar exists); build it with make build");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("vulcan-sot", new URL[] {location.toUri().toURL()},
                    SotAdapterIndex.class.getClassLoader());
        } catch (MalformedURLException e) {
            return unavailable(contracts, "cannot load " + location + ": " + e.getMessage());
        }
        String source = root.relativize(location).toString().replace('\\', '/');
        try {
            Class<?> type = Class.forName(REGISTRY_CLASS, true, loader);
            Object registry = type.getMethod("builtIn").invoke(null);
            return new SotAdapterIndex(loader, registry, source, null, contracts);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            close(loader);
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            return unavailable(contracts, "cannot query " + REGISTRY_CLASS + ".builtIn() in " + source + ": " + cause);
        }
    }

    /**
     * Returns an index that cannot answer.
     *
     * @param reason why
     * @return the index
     */
    public static SotAdapterIndex unavailable(String reason) {
        return unavailable(null, reason);
    }

    private static SotAdapterIndex unavailable(Path contracts, String reason) {
        return new SotAdapterIndex(null, null, null, Objects.requireNonNull(reason, "reason"), contracts);
    }

    /**
     * Asks whether the engine registers an adapter for a tool's schema version.
     *
     * @param toolName the tool
     * @param schemaVersion its output schema version, MAJOR.MINOR.PATCH
     * @return the answer
     */
    public synchronized Lookup find(String toolName, String schemaVersion) {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        if (registry == null) {
            return contracts == null ? new Lookup(false, null, unavailable) : byConvention(toolName, schemaVersion);
        }
        String asked = REGISTRY_CLASS + ".builtIn().find(\"" + toolName + "\", \"" + schemaVersion + "\") in " + source;
        try {
            Method find = registry.getClass().getMethod("find", String.class, String.class);
            Optional<?> adapter = (Optional<?>) find.invoke(registry, toolName, schemaVersion);
            String known = String.valueOf(registry.getClass().getMethod("describe").invoke(registry));
            if (adapter.isEmpty()) {
                return new Lookup(true, null, asked + " is empty; registered: " + known);
            }
            Object found = adapter.get();
            Method name = Class.forName("dev.vulcan.sot.internal.adapter.ToolAdapter", false, loader)
                    .getMethod("adapterName");
            return new Lookup(true, String.valueOf(name.invoke(found)), asked + "; registered: " + known);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new Lookup(false, null, "cannot ask " + asked + ": " + e);
        }
    }

    private Lookup byConvention(String toolName, String schemaVersion) {
        int dot = schemaVersion.indexOf('.');
        String major = dot < 0 ? schemaVersion : schemaVersion.substring(0, dot);
        String adapter = toolName + "/v" + major;
        Path contract = contracts.resolve(toolName).resolve("v" + major).resolve("data.schema.json");
        String detail = "by the engine's convention (" + unavailable + "): " + CONTRACTS + "/" + adapter
                + "/data.schema.json " + (Files.isRegularFile(contract) ? "exists" : "does not exist");
        return new Lookup(true, Files.isRegularFile(contract) ? adapter : null, detail);
    }

    /** Closes the engine's class loader. */
    @Override
    public synchronized void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // Closing only releases the jar file handle; nothing depends on it.
            }
        }
    }
}
