package dev.vulcan.orchestrator.cli;

import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.orchestrator.exec.DockerBackend;
import dev.vulcan.orchestrator.exec.ExecutionMode;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.registry.UnknownToolException;
import dev.vulcan.orchestrator.repo.RepoResolutionException;
import dev.vulcan.orchestrator.run.AnalyzeRequest;
import dev.vulcan.orchestrator.run.AnalyzeResult;
import dev.vulcan.orchestrator.run.Analyzer;
import dev.vulcan.orchestrator.run.internal.Warmup;
import dev.vulcan.sot.RunAlreadyImportedException;
import dev.vulcan.sot.SotException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code vulcan} command line.
 *
 * <pre>
 * vulcan analyze &lt;path|url&gt; [--output DIR] [--db FILE] [--tools a,b] [--parallel N]
 *                [--backend local|process|docker] [--replace] [--branch B] [--commit C] [--timeout-scale F]
 * vulcan tools
 * vulcan runs [--repo REPO_ID] [--db FILE | --output DIR]
 * vulcan query "&lt;SQL&gt;" [--format table|json|csv] [--db FILE | --output DIR]
 * vulcan fleet scan|validate|import ...   (see {@link dev.vulcan.orchestrator.fleet.FleetCommand})
 * </pre>
 *
 * <p>Exit status of {@code vulcan analyze}: 0 completed (every tool imported, models and data tests passed);
 * 1 partial (the run landed but a tool failed, timed out, was skipped or rejected, or a data test failed);
 * 2 invalid input (bad option, unknown tool, repository or ref not found, clone failed); 3 this repository and
 * commit were already analyzed (use {@code --replace}); 4 failed (nothing landed, or the database could not be
 * opened or written).
 */
@Command(name = "vulcan", mixinStandardHelpOptions = true, version = "vulcan 0.1.0-SNAPSHOT",
        description = "Vulcan: analyze a repository into a DuckDB source of truth with decision flags.",
        subcommands = {VulcanCli.Analyze.class, VulcanCli.Tools.class, VulcanCli.Runs.class, VulcanCli.Query.class,
            dev.vulcan.orchestrator.fleet.FleetCommand.class})
public final class VulcanCli implements Callable<Integer> {

    /** Exit status: the run completed cleanly. */
    public static final int EXIT_COMPLETED = 0;
    /** Exit status: the run landed partially. */
    public static final int EXIT_PARTIAL = 1;
    /** Exit status: invalid input. */
    public static final int EXIT_INVALID_INPUT = 2;
    /** Exit status: the repository and commit were already analyzed. */
    public static final int EXIT_ALREADY_ANALYZED = 3;
    /** Exit status: the run failed. */
    public static final int EXIT_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private VulcanCli() {
    }

    /**
     * Runs the CLI and exits the JVM with its exit status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("analyze")) {
            Warmup.start(); // while the command line is parsed and the tools are discovered
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the CLI without exiting the JVM.
     *
     * @param args the command line
     * @param out where results go
     * @param err where progress, usage and errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        CommandLine cli = new CommandLine(new VulcanCli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_INVALID_INPUT;
    }

    /** {@code vulcan analyze}: the main job. */
    @Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Run the tools on a repository, import their artifacts into the source of truth, build "
                    + "the models and flags, and print a summary.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:completed: every tool imported, models and data tests passed",
                "1:partial: the run landed, but a tool failed/timed out/was skipped or rejected, or a data test failed",
                "2:invalid input: bad option, unknown tool, repository or ref not found, clone failed",
                "3:already analyzed: this repository and commit are in the database (use --replace)",
                "4:failed: nothing landed, or the database could not be opened or written"})
    static final class Analyze implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH|URL",
                description = "Local work tree, bare repository, plain directory, or git URL (file://, https://, ssh://, user@host:path).")
        String source;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = "vulcan-data",
                description = "Data folder: artifacts go to DIR/runs/<run_id>/ (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--db", paramLabel = "FILE", description = "DuckDB source of truth (default: <output>/vulcan.duckdb).")
        Path db;

        @Option(names = "--tools", paramLabel = "NAME", split = ",",
                description = "Tools to run (comma-separated); their dependencies are added. Default: all.")
        List<String> tools = new ArrayList<>();

        @Option(names = "--parallel", paramLabel = "N", description = "Tools running at once within a phase (default: CPU cores).")
        Integer parallel;

        @Option(names = {"--backend", "--mode"}, paramLabel = "MODE", defaultValue = "local",
                description = "Where tools run: local (threads), process (one JVM per tool), docker (unverified here). Default: ${DEFAULT-VALUE}.")
        String backend;

        @Option(names = "--replace", description = "Replace an earlier analysis of the same repository and commit.")
        boolean replace;

        @Option(names = "--branch", paramLabel = "B", description = "Branch to analyze (default: origin/HEAD, main, master, develop, HEAD's branch).")
        String branch;

        @Option(names = "--commit", paramLabel = "C", description = "Commit (SHA, ref) to analyze (default: the branch tip).")
        String commit;

        @Option(names = "--timeout-scale", paramLabel = "F", defaultValue = "1.0",
                description = "Multiply every tool's timeout by F (default: ${DEFAULT-VALUE}).")
        double timeoutScale;

        @Option(names = "--process-heap", paramLabel = "MB", defaultValue = "1024",
                description = "-Xmx of each tool JVM in process mode (default: ${DEFAULT-VALUE}).")
        int processHeapMb;

        @Option(names = "--docker-image", paramLabel = "IMAGE", defaultValue = DockerBackend.DEFAULT_IMAGE,
                description = "Tool image in docker mode (default: ${DEFAULT-VALUE}).")
        String dockerImage;

        @Option(names = "--docker-memory", paramLabel = "MB", defaultValue = "4096",
                description = "Container memory limit in docker mode (default: ${DEFAULT-VALUE}).")
        int dockerMemoryMb;

        @Option(names = "--docker-cpus", paramLabel = "N", defaultValue = "2.0",
                description = "Container CPU limit in docker mode (default: ${DEFAULT-VALUE}).")
        double dockerCpus;

        @Option(names = "--max-missing-critical", paramLabel = "N", defaultValue = "3",
                description = "Raise INCOMPLETE_TOOL_SET when at least N of the run's tools did not land (default: ${DEFAULT-VALUE}).")
        int maxMissingCritical;

        @Option(names = "--keep-workspace", description = "Keep <output>/work/<run_id>/ (clones, staging) after the run.")
        boolean keepWorkspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AnalyzeRequest request;
            try {
                AnalyzeRequest.Builder builder = AnalyzeRequest.builder(source, output).branch(branch).commit(commit)
                        .dbFile(db).tools(tools.stream().map(String::trim).filter(s -> !s.isEmpty()).toList())
                        .mode(ExecutionMode.fromCode(backend.toLowerCase(Locale.ROOT))).replace(replace)
                        .timeoutScale(timeoutScale).processHeapMb(processHeapMb).dockerImage(dockerImage)
                        .dockerMemoryMb(dockerMemoryMb).dockerCpus(dockerCpus).maxMissingCriticalTools(maxMissingCritical)
                        .keepWorkspace(keepWorkspace);
                if (parallel != null) {
                    builder.parallel(parallel);
                }
                request = builder.build();
            } catch (IllegalArgumentException e) {
                return usageError(err, e.getMessage());
            }
            ToolRegistry registry;
            try {
                registry = ToolRegistry.discover(VulcanCli.class.getClassLoader());
            } catch (IllegalStateException e) {
                err.println("vulcan: the installed tools are inconsistent: " + e.getMessage());
                return EXIT_FAILED;
            }
            try {
                AnalyzeResult result = new Analyzer(registry, new ConsoleProgress(err)).analyze(request);
                Summary.print(result, out);
                return result.status().exitStatus();
            } catch (UnknownToolException e) {
                return usageError(err, e.getMessage());
            } catch (RepoResolutionException e) {
                err.println("vulcan: cannot analyze " + source + ": " + e.getMessage());
                return EXIT_INVALID_INPUT;
            } catch (RunAlreadyImportedException e) {
                err.println("vulcan: " + e.getMessage());
                return EXIT_ALREADY_ANALYZED;
            } catch (SotException | java.io.UncheckedIOException e) {
                err.println("vulcan: the run failed: " + e.getMessage());
                return EXIT_FAILED;
            }
        }

        private int usageError(PrintWriter err, String message) {
            err.println("vulcan analyze: " + message);
            err.println("Try 'vulcan analyze --help' for usage.");
            return EXIT_INVALID_INPUT;
        }
    }

    /** Where the read-only commands find the database. */
    static final class DbOptions {
        @Option(names = "--output", paramLabel = "DIR", defaultValue = "vulcan-data",
                description = "Data folder of vulcan analyze (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--db", paramLabel = "FILE", description = "DuckDB source of truth (default: <output>/vulcan.duckdb).")
        Path db;

        Path dbFile() {
            return db != null ? db : output.resolve("vulcan.duckdb");
        }
    }

    /** {@code vulcan runs}: lists the collection runs, newest first. */
    @Command(name = "runs", mixinStandardHelpOptions = true, description = "List the collection runs, newest first.")
    static final class Runs implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DbOptions db = new DbOptions();

        @Option(names = "--repo", paramLabel = "REPO_ID", description = "Only the runs of this repo_id.")
        java.util.UUID repo;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table, json or csv (default: ${DEFAULT-VALUE}).")
        QueryResult.Format format;

        @Override
        public Integer call() {
            String sql = "SELECT run_id, repo_id, branch, commit, status, started_at, completed_at, tools_total,"
                    + " tools_succeeded, tools_failed, round(duration_seconds, 1) AS duration_seconds"
                    + " FROM collection_runs" + (repo == null ? "" : " WHERE repo_id = '" + repo + "'")
                    + " ORDER BY started_at DESC";
            return query(spec, db.dbFile(), sql, format);
        }
    }

    /** {@code vulcan query}: runs read-only SQL against the source of truth. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Run read-only SQL against the source of truth and print the rows.")
    static final class Query implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DbOptions db = new DbOptions();

        @Parameters(index = "0", paramLabel = "SQL", description = "The query (the database is opened read-only).")
        String sql;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table, json or csv (default: ${DEFAULT-VALUE}).")
        QueryResult.Format format;

        @Override
        public Integer call() {
            return query(spec, db.dbFile(), sql, format);
        }
    }

    private static int query(CommandLine.Model.CommandSpec spec, Path dbFile, String sql, QueryResult.Format format) {
        try {
            QueryResult.run(dbFile, sql).print(format, spec.commandLine().getOut());
            return EXIT_COMPLETED;
        } catch (java.sql.SQLException e) {
            spec.commandLine().getErr().println("vulcan " + spec.name() + ": " + e.getMessage());
            return EXIT_INVALID_INPUT;
        }
    }

    /** {@code vulcan tools}: lists the registry. */
    @Command(name = "tools", mixinStandardHelpOptions = true,
            description = "List the tools found on the class path, in execution order.")
    static final class Tools implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ToolRegistry registry;
            try {
                registry = ToolRegistry.discover(VulcanCli.class.getClassLoader());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("vulcan: the installed tools are inconsistent: " + e.getMessage());
                return EXIT_FAILED;
            }
            out.printf(Locale.ROOT, "%-16s %-5s %-9s %-8s %s%n", "TOOL", "PHASE", "VERSION", "TIMEOUT", "DEPENDS ON");
            registry.tools().forEach(tool -> {
                ToolDescriptor d = tool.descriptor();
                List<String> missing = registry.missingDependencies(d.name());
                out.printf(Locale.ROOT, "%-16s %-5d %-9s %-8s %s%s%n", d.name(), d.phase(), d.version(),
                        d.timeout().toSeconds() + "s", d.dependsOn().isEmpty() ? "-" : String.join(", ", d.dependsOn()),
                        missing.isEmpty() ? "" : "  (not installed: " + String.join(", ", missing) + ")");
            });
            return EXIT_COMPLETED;
        }
    }
}
