package dev.vulcan.orchestrator.run;

import dev.vulcan.orchestrator.exec.ExecutionMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code vulcan analyze} was asked to do.
 *
 * @param source the repository path or git URL
 * @param branch the branch, or null to detect the default branch
 * @param commit the commit (SHA, ref or HEAD), or null for the branch tip
 * @param outputRoot the data folder: artifacts go to {@code runs/<run_id>/}, scratch to {@code work/<run_id>/}
 * @param dbFile the DuckDB source-of-truth file
 * @param tools the tools asked for (dependencies are added); empty for all
 * @param parallel the most tools running at once
 * @param mode where tools run
 * @param replace whether to replace an earlier import of the same repository and commit
 * @param timeoutScale factor applied to every tool's timeout
 * @param processHeapMb {@code -Xmx} of a child JVM (process mode)
 * @param dockerImage the tool image (docker mode)
 * @param dockerMemoryMb the container memory limit (docker mode)
 * @param dockerCpus the container CPU limit (docker mode)
 * @param maxMissingCriticalTools INCOMPLETE_TOOL_SET is raised when at least this many selected tools did not land
 * @param keepWorkspace whether to keep {@code work/<run_id>/} (clones, staging) after the run
 */
public record AnalyzeRequest(String source, String branch, String commit, Path outputRoot, Path dbFile,
        List<String> tools, int parallel, ExecutionMode mode, boolean replace, double timeoutScale, int processHeapMb,
        String dockerImage, int dockerMemoryMb, double dockerCpus, int maxMissingCriticalTools, boolean keepWorkspace) {

    /**
     * Creates the request; paths are made absolute.
     *
     * @throws IllegalArgumentException if a number is out of range
     */
    public AnalyzeRequest {
        Objects.requireNonNull(source, "source");
        outputRoot = Objects.requireNonNull(outputRoot, "outputRoot").toAbsolutePath().normalize();
        dbFile = Objects.requireNonNull(dbFile, "dbFile").toAbsolutePath().normalize();
        tools = List.copyOf(tools);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dockerImage, "dockerImage");
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new IllegalArgumentException("--timeout-scale must be a positive number, got " + timeoutScale);
        }
        if (processHeapMb < 16 || dockerMemoryMb < 16) {
            throw new IllegalArgumentException("memory limits must be at least 16 MiB");
        }
        if (!(dockerCpus > 0)) {
            throw new IllegalArgumentException("--docker-cpus must be positive, got " + dockerCpus);
        }
        if (maxMissingCriticalTools < 1) {
            throw new IllegalArgumentException("--max-missing-critical must be at least 1, got " + maxMissingCriticalTools);
        }
    }

    /**
     * Starts a request with the defaults of the CLI.
     *
     * @param source the repository path or URL
     * @param outputRoot the data folder
     * @return a builder
     */
    public static Builder builder(String source, Path outputRoot) {
        return new Builder(source, outputRoot);
    }

    /** A builder of {@link AnalyzeRequest} with the CLI's defaults. */
    public static final class Builder {
        private final String source;
        private final Path outputRoot;
        private String branch;
        private String commit;
        private Path dbFile;
        private List<String> tools = List.of();
        private int parallel = Math.max(1, Runtime.getRuntime().availableProcessors());
        private ExecutionMode mode = ExecutionMode.LOCAL;
        private boolean replace;
        private double timeoutScale = 1.0;
        private int processHeapMb = 1024;
        private String dockerImage = dev.vulcan.orchestrator.exec.DockerBackend.DEFAULT_IMAGE;
        private int dockerMemoryMb = 4096;
        private double dockerCpus = 2.0;
        private int maxMissingCriticalTools = 3;
        private boolean keepWorkspace;

        private Builder(String source, Path outputRoot) {
            this.source = Objects.requireNonNull(source, "source");
            this.outputRoot = Objects.requireNonNull(outputRoot, "outputRoot");
        }

        /**
         * Sets the branch.
         *
         * @param value the branch, or null
         * @return this builder
         */
        public Builder branch(String value) {
            this.branch = value;
            return this;
        }

        /**
         * Sets the commit.
         *
         * @param value the commit, or null
         * @return this builder
         */
        public Builder commit(String value) {
            this.commit = value;
            return this;
        }

        /**
         * Sets the database file (default {@code <output>/vulcan.duckdb}).
         *
         * @param value the file, or null for the default
         * @return this builder
         */
        public Builder dbFile(Path value) {
            this.dbFile = value;
            return this;
        }

        /**
         * Sets the tools asked for.
         *
         * @param value tool names; empty for all
         * @return this builder
         */
        public Builder tools(List<String> value) {
            this.tools = List.copyOf(value);
            return this;
        }

        /**
         * Sets the parallelism.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder parallel(int value) {
            this.parallel = value;
            return this;
        }

        /**
         * Sets the execution mode.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(ExecutionMode value) {
            this.mode = value;
            return this;
        }

        /**
         * Sets whether to replace an earlier import.
         *
         * @param value true to replace
         * @return this builder
         */
        public Builder replace(boolean value) {
            this.replace = value;
            return this;
        }

        /**
         * Sets the timeout scale.
         *
         * @param value a positive factor
         * @return this builder
         */
        public Builder timeoutScale(double value) {
            this.timeoutScale = value;
            return this;
        }

        /**
         * Sets the child JVM heap.
         *
         * @param value MiB
         * @return this builder
         */
        public Builder processHeapMb(int value) {
            this.processHeapMb = value;
            return this;
        }

        /**
         * Sets the Docker image.
         *
         * @param value the image
         * @return this builder
         */
        public Builder dockerImage(String value) {
            this.dockerImage = value;
            return this;
        }

        /**
         * Sets the container memory limit.
         *
         * @param value MiB
         * @return this builder
         */
        public Builder dockerMemoryMb(int value) {
            this.dockerMemoryMb = value;
            return this;
        }

        /**
         * Sets the container CPU limit.
         *
         * @param value CPUs
         * @return this builder
         */
        public Builder dockerCpus(double value) {
            this.dockerCpus = value;
            return this;
        }

        /**
         * Sets the INCOMPLETE_TOOL_SET threshold.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxMissingCriticalTools(int value) {
            this.maxMissingCriticalTools = value;
            return this;
        }

        /**
         * Sets whether to keep the scratch folder.
         *
         * @param value true to keep it
         * @return this builder
         */
        public Builder keepWorkspace(boolean value) {
            this.keepWorkspace = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if a value is out of range
         */
        public AnalyzeRequest build() {
            Path db = dbFile != null ? dbFile : outputRoot.resolve("vulcan.duckdb");
            return new AnalyzeRequest(source, branch, commit, outputRoot, db, tools, parallel, mode, replace,
                    timeoutScale, processHeapMb, dockerImage, dockerMemoryMb, dockerCpus, maxMissingCriticalTools,
                    keepWorkspace);
        }
    }
}
