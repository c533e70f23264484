package dev.vulcan.compliance.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Makefile as GNU make itself reads it: the rules and variables of make's printed database
 * ({@code make -p}), with every {@code include} followed and every variable assignment evaluated by make. The
 * Makefile is never grepped, and no recipe is run: make is asked, with {@code -n -q}, for a target that does
 * not exist, which prints the database and stops.
 *
 * @param targets the explicit targets, by name, in database order
 * @param variables the variables defined by makefiles (not the environment, not make's defaults), by name
 */
public record MakefileDatabase(Map<String, Target> targets, Map<String, String> variables) {

    /** The target asked for, which no Makefile defines, so that make prints its database and does nothing. */
    static final String PROBE_TARGET = ".vulcan-compliance-probe";

    /**
     * Creates a database.
     *
     * @throws NullPointerException if a component is null
     */
    public MakefileDatabase {
        targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * One explicit rule.
     *
     * @param name the target
     * @param prerequisites its prerequisites (order-only ones included)
     * @param recipe its recipe lines, unexpanded
     * @param phony whether it is a prerequisite of {@code .PHONY}
     */
    public record Target(String name, List<String> prerequisites, List<String> recipe, boolean phony) {

        /**
         * Creates a target.
         *
         * @throws NullPointerException if a component is null
         */
        public Target {
            Objects.requireNonNull(name, "name");
            prerequisites = List.copyOf(prerequisites);
            recipe = List.copyOf(recipe);
        }

        /**
         * Tells whether making the target does something: it has a recipe or prerequisites.
         *
         * @return true when it has either
         */
        public boolean doesSomething() {
            return !recipe.isEmpty() || !prerequisites.isEmpty();
        }
    }

    /**
     * Reads a Makefile through make.
     *
     * @param runner the process runner
     * @param makefile the Makefile; make runs in its folder, so relative includes resolve as in real use
     * @param timeout the time limit of make
     * @return the database
     * @throws MakefileException if make cannot read the Makefile (syntax error, missing include...)
     */
    public static MakefileDatabase read(ProcessRunner runner, Path makefile, Duration timeout) {
        Objects.requireNonNull(makefile, "makefile");
        Path dir = makefile.toAbsolutePath().getParent();
        ProcessResult result = runner.runClean(List.of("make", "-p", "-n", "-q", "-r", "-R", "-f",
                makefile.getFileName().toString(), PROBE_TARGET), dir, Map.of(), timeout);
        String expectedError = "No rule to make target '" + PROBE_TARGET + "'";
        if (result.timedOut() || !result.stderr().contains(expectedError)) {
            throw new MakefileException("make cannot read " + makefile.getFileName() + ": " + result.describe()
                    + ": " + result.stderrTail(400));
        }
        return parse(result.stdout());
    }

    /**
     * Parses the output of {@code make -p}.
     *
     * @param database the printed database
     * @return the database
     */
    public static MakefileDatabase parse(String database) {
        Objects.requireNonNull(database, "database");
        List<String> lines = Arrays.asList(database.split("\r?\n", -1));
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        String section = "";
        String origin = "";
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# ") && isSectionHeader(line)) {
                if (section.equals("# Files")) {
                    addTarget(block, targets);
                }
                block.clear();
                section = line.strip();
                continue;
            }
            if (section.equals("# Variables")) {
                if (line.startsWith("#")) {
                    origin = line;
                } else if (!line.isBlank() && origin.startsWith("# makefile")) {
                    int op = assignment(line);
                    if (op > 0) {
                        String name = line.substring(0, op).strip();
                        String rest = line.substring(op);
                        String value = rest.startsWith(":=") ? rest.substring(2) : rest.substring(1);
                        variables.put(name, value.strip());
                    }
                }
            } else if (section.equals("# Files")) {
                if (line.isEmpty()) {
                    addTarget(block, targets);
                    block.clear();
                } else {
                    block.add(line);
                }
            }
        }
        if (section.equals("# Files")) {
            addTarget(block, targets);
        }
        Target phonyRule = targets.get(".PHONY");
        List<String> phony = phonyRule == null ? List.of() : phonyRule.prerequisites();
        Map<String, Target> marked = new LinkedHashMap<>();
        targets.forEach((name, t) -> marked.put(name, new Target(name, t.prerequisites(), t.recipe(),
                t.phony() || phony.contains(name))));
        return new MakefileDatabase(marked, variables);
    }

    /**
     * Returns a target.
     *
     * @param name the target name
     * @return the target, if the Makefile defines it
     */
    public Optional<Target> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    private static boolean isSectionHeader(String line) {
        return switch (line.strip()) {
            case "# Variables", "# Files", "# Directories", "# Implicit Rules", "# Pattern-specific Variable Values",
                    "# VPATH Search Paths" -> true;
            default -> line.startsWith("# files hash-table stats") || line.startsWith("# Finished Make data base");
        };
    }

    /** Returns the index of the assignment operator ({@code :=}, {@code ::=} is printed as {@code :=}, or {@code =}). */
    private static int assignment(String line) {
        int colonEq = line.indexOf(":=");
        int eq = line.indexOf('=');
        if (colonEq >= 0 && colonEq < eq) {
            return colonEq;
        }
        return eq;
    }

    private static void addTarget(List<String> block, Map<String, Target> targets) {
        if (block.isEmpty() || block.contains("# Not a target:")) {
            return;
        }
        String header = null;
        List<String> recipe = new ArrayList<>();
        for (String line : block) {
            if (line.startsWith("\t")) {
                recipe.add(line.substring(1));
            } else if (!line.startsWith("#") && header == null) {
                header = line;
            }
        }
        if (header == null) {
            return;
        }
        int colon = header.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = header.substring(0, colon).strip();
        String rest = header.substring(colon + 1);
        if (rest.startsWith(":")) {
            rest = rest.substring(1);
        }
        List<String> prerequisites = Arrays.stream(rest.strip().split("\\s+"))
                .filter(p -> !p.isEmpty() && !p.equals("|")).toList();
        targets.put(name, new Target(name, prerequisites, recipe, false));
    }

    /** Thrown when make cannot read a Makefile. */
    public static final class MakefileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what make said
         */
        public MakefileException(String message) {
            super(message);
        }
    }
}
