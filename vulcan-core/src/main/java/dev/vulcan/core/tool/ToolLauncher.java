package dev.vulcan.core.tool;

import dev.vulcan.core.config.InvalidConfigException;
import dev.vulcan.core.config.LoadedToolConfig;
import dev.vulcan.core.config.ToolConfigLoader;
import dev.vulcan.core.config.ToolParameters;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.git.GitResolutionException;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.git.ResolvedRevision;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standard command line of every tool jar (architecture proposal 2.3, 2.7 and 4.3):
 * {@code --config}, {@code --repo-path}, {@code --branch}, {@code --commit}, {@code --run-id},
 * {@code --output-path}, {@code --repo-id}, {@code --help}, {@code --version}.
 *
 * <p>CLI values override the config file, which overrides defaults. The commit is always resolved to a full
 * SHA with JGit before the tool runs. Exit status: 0 for success and partial results, 2 for invalid input,
 * and the other {@link ExitCode}s for failures. Only {@link #main(Tool, String[])} exits the JVM.
 */
public final class ToolLauncher {

    private ToolLauncher() {
    }

    /**
     * Runs a tool from its jar's {@code main} and exits the JVM with the exit status.
     *
     * @param tool the tool
     * @param args the command line
     */
    public static void main(Tool tool, String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(tool, args, out, err));
    }

    /**
     * Runs a tool with a command line and returns the exit status, without exiting the JVM.
     *
     * @param tool the tool
     * @param args the command line
     * @param out where the summary and help go
     * @param err where errors and warnings go
     * @return the process exit status
     */
    public static int run(Tool tool, String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(args, "args");
        ToolDescriptor descriptor = tool.descriptor();
        Options options = new Options();
        CommandLine cli = new CommandLine(options)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.getCommandSpec().name(descriptor.name())
                .version(descriptor.displayName() + " " + descriptor.version()
                        + " (output schema " + descriptor.schemaVersion() + ")");
        cli.getCommandSpec().usageMessage().description(descriptor.displayName()
                + ": writes {output-path}/" + descriptor.name() + "/output.json and metadata.json.");
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(descriptor.name() + ": " + e.getMessage());
            err.println("Try '" + descriptor.name() + " --help' for usage.");
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            out.flush();
            return ExitCode.SUCCESS.status();
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            out.flush();
            return ExitCode.SUCCESS.status();
        }

        ToolContext context;
        try {
            context = context(descriptor, options, err);
        } catch (InvalidConfigException | GitResolutionException | IllegalArgumentException e) {
            err.println(descriptor.name() + ": invalid input: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        }

        ToolExecution execution;
        try {
            execution = ToolExecutor.execute(tool, context);
        } catch (UncheckedIOException e) {
            err.println(descriptor.name() + ": cannot write to " + context.outputPath() + ": " + e.getCause());
            err.flush();
            return ExitCode.ANALYSIS_FAILED.status();
        }
        var metadata = execution.metadata();
        String summary = String.format(Locale.ROOT, "%s: %s, %d files, %d errors, %.2f s -> %s",
                descriptor.name(), metadata.status().code(), metadata.filesAnalyzed(), metadata.errors().size(),
                metadata.durationSeconds(),
                execution.outputFileIfAny().orElse(execution.metadataFile()));
        if (execution.exitCode().isSuccess()) {
            out.println(summary);
        } else {
            err.println(summary);
            metadata.errors().forEach(e -> err.println("  " + e.code() + ": " + e.message()));
        }
        out.flush();
        err.flush();
        return execution.exitCode().status();
    }

    private static ToolContext context(ToolDescriptor descriptor, Options options, PrintWriter err) {
        ToolParameters fromConfig = ToolParameters.NONE;
        ObjectNode toolSpecific = Json.object();
        if (options.config != null) {
            LoadedToolConfig config = ToolConfigLoader.load(options.config);
            if (!config.toolName().equals(descriptor.name())) {
                throw new InvalidConfigException("config " + options.config + " is for tool '" + config.toolName()
                        + "', not '" + descriptor.name() + "'");
            }
            config.warnings().forEach(w -> err.println(descriptor.name() + ": warning: " + w));
            fromConfig = config.parameters();
            toolSpecific = config.toolSpecific();
        }
        ToolParameters cli = new ToolParameters(options.repoPath, options.branch, options.commit, options.runId,
                options.repoId, options.outputPath);
        ToolParameters merged = cli.overriding(fromConfig);
        require(merged.repoPath(), "--repo-path", "repo_path");
        require(merged.runId(), "--run-id", "run_id");
        require(merged.outputPath(), "--output-path", "output_path");
        Path repoPath = merged.repoPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(repoPath)) {
            throw new IllegalArgumentException("repository path " + repoPath + " is not a directory");
        }
        ResolvedRevision revision = GitRevisions.resolveOrAccept(repoPath, merged.branch(), merged.commit());
        UUID repoId = merged.repoId() != null ? merged.repoId()
                : revision.remoteUrl() != null ? CanonicalIds.repoIdFromRemote(revision.remoteUrl())
                : CanonicalIds.repoIdFromPath(repoPath);
        return new ToolContext(descriptor.name(), repoPath, revision.branch(), revision.commit(), merged.runId(),
                repoId, revision.remoteUrl(), merged.outputPath().toAbsolutePath().normalize(), toolSpecific,
                Instant.now().plus(descriptor.timeout()));
    }

    private static void require(Object value, String option, String configField) {
        if (value == null) {
            throw new IllegalArgumentException("missing required option " + option + " (or parameters."
                    + configField + " in --config)");
        }
    }

    @Command(mixinStandardHelpOptions = true, sortOptions = false)
    static final class Options {
        @Option(names = "--config", paramLabel = "FILE", description = "Tool config file (schema tool-config 1.x).")
        Path config;

        @Option(names = "--repo-path", paramLabel = "DIR", description = "Repository to analyze (required unless in --config).")
        Path repoPath;

        @Option(names = "--branch", paramLabel = "NAME", description = "Branch to analyze (default: the checked-out branch).")
        String branch;

        @Option(names = "--commit", paramLabel = "REF", description = "Commit SHA, ref or HEAD (default: HEAD); resolved to the full SHA.")
        String commit;

        @Option(names = "--run-id", paramLabel = "UUID", description = "Collection run id (required unless in --config).")
        UUID runId;

        @Option(names = "--output-path", paramLabel = "DIR", description = "Output root; artifacts go to DIR/<tool>/ (required unless in --config).")
        Path outputPath;

        @Option(names = "--repo-id", paramLabel = "UUID", description = "Repository id (default: derived from the origin URL, else the path).")
        UUID repoId;
    }
}
