package dev.vulcan.compliance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one validator run checks.
 *
 * @param root the project root (the folder holding {@code tools/})
 * @param toolName the one tool to check, or null for every module under {@code tools/}
 * @param runAnalysis whether to run the tool on the fixture repository and check its output contract
 * @param runEvaluate whether to run {@code make evaluate} and check the scorecard
 * @param groups the check groups to run; checks of other groups are reported as skipped
 * @param processTimeout the time limit of each tool process ({@code make evaluate} gets five times as much)
 * @param parallelism how many tools are validated at the same time
 * @param workDir where to keep the scratch folders (fixture repository, configs, tool outputs) for inspection,
 *     or null for a temporary folder deleted at the end
 */
public record ValidationOptions(Path root, String toolName, boolean runAnalysis, boolean runEvaluate,
        Set<CheckGroup> groups, Duration processTimeout, int parallelism, Path workDir) {

    /** The default time limit of one tool process. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Creates options.
     *
     * @throws NullPointerException if root, groups or processTimeout is null
     * @throws IllegalArgumentException if the timeout is not positive or the parallelism is below 1
     */
    public ValidationOptions {
        Objects.requireNonNull(root, "root");
        groups = groups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groups));
        Objects.requireNonNull(processTimeout, "processTimeout");
        if (processTimeout.isNegative() || processTimeout.isZero()) {
            throw new IllegalArgumentException("process timeout must be positive: " + processTimeout);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /**
     * Returns options checking every tool under a root: all groups, without analysis or evaluation, the
     * default timeout, one tool per available processor.
     *
     * @param root the project root
     * @return the options
     */
    public static ValidationOptions of(Path root) {
        return new ValidationOptions(root, null, false, false, EnumSet.allOf(CheckGroup.class),
                DEFAULT_PROCESS_TIMEOUT, Math.max(1, Runtime.getRuntime().availableProcessors()), null);
    }

    /**
     * Returns the one tool to check.
     *
     * @return the tool name, empty for every tool
     */
    public Optional<String> tool() {
        return Optional.ofNullable(toolName);
    }

    /**
     * Returns a copy checking only one tool.
     *
     * @param name the tool name (its folder under {@code tools/})
     * @return the options
     */
    public ValidationOptions withTool(String name) {
        return new ValidationOptions(root, Objects.requireNonNull(name, "name"), runAnalysis, runEvaluate, groups,
                processTimeout, parallelism, workDir);
    }

    /**
     * Returns a copy with the output contract checked or not.
     *
     * @param value whether to run the analysis
     * @return the options
     */
    public ValidationOptions withRunAnalysis(boolean value) {
        return new ValidationOptions(root, toolName, value, runEvaluate, groups, processTimeout, parallelism, workDir);
    }

    /**
     * Returns a copy with the evaluation checked or not.
     *
     * @param value whether to run the evaluation
     * @return the options
     */
    public ValidationOptions withRunEvaluate(boolean value) {
        return new ValidationOptions(root, toolName, runAnalysis, value, groups, processTimeout, parallelism, workDir);
    }

    /**
     * Returns a copy running only some check groups.
     *
     * @param value the groups
     * @return the options
     */
    public ValidationOptions withGroups(Set<CheckGroup> value) {
        return new ValidationOptions(root, toolName, runAnalysis, runEvaluate, value, processTimeout, parallelism,
                workDir);
    }

    /**
     * Returns a copy with another process time limit.
     *
     * @param value the limit
     * @return the options
     */
    public ValidationOptions withProcessTimeout(Duration value) {
        return new ValidationOptions(root, toolName, runAnalysis, runEvaluate, groups, value, parallelism, workDir);
    }

    /**
     * Returns a copy keeping its scratch folders in a folder.
     *
     * @param value the folder (created if missing), or null for a temporary folder deleted at the end
     * @return the options
     */
    public ValidationOptions withWorkDir(Path value) {
        return new ValidationOptions(root, toolName, runAnalysis, runEvaluate, groups, processTimeout, parallelism,
                value);
    }

    /**
     * Returns a copy validating that many tools at the same time.
     *
     * @param value the parallelism, at least 1
     * @return the options
     */
    public ValidationOptions withParallelism(int value) {
        return new ValidationOptions(root, toolName, runAnalysis, runEvaluate, groups, processTimeout, value, workDir);
    }
}
