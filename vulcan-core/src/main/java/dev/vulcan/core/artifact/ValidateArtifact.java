package dev.vulcan.core.artifact;

import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line that checks a tool's artifact as the source-of-truth engine will before import
 * ({@link ArtifactIo#read(Path, String)}): metadata schema, output digest, envelope and tool schemas, and
 * identifier consistency. Used by the {@code validate} target of every tool Makefile. Exit status 0 when the
 * artifact is valid, 3 ({@link ExitCode#OUTPUT_INVALID}) when it is not, 2 for bad arguments.
 */
@Command(name = "validate-artifact", mixinStandardHelpOptions = true,
        description = "Validates {output}/{tool}/output.json and metadata.json.")
public final class ValidateArtifact implements Callable<Integer> {

    @Option(names = "--tool-dir", required = true, paramLabel = "DIR",
            description = "The tool's output directory, {output}/{tool}.")
    private Path toolDir;

    private final PrintWriter out;
    private final PrintWriter err;

    private ValidateArtifact(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and exits the JVM with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * Runs the command without exiting.
     *
     * @param args the command line
     * @param out where the verdict goes
     * @param err where problems go
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        CommandLine cli = new CommandLine(new ValidateArtifact(out, err)).setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            return ExitCode.INVALID_INPUT.status();
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        String toolName = toolDir.toAbsolutePath().normalize().getFileName().toString();
        try {
            ToolArtifact artifact = read(toolName);
            out.println(toolDir + ": valid (" + artifact.metadata().status().code() + ", "
                    + artifact.metadata().filesAnalyzed() + " files, " + artifact.metadata().errors().size()
                    + " errors)");
            out.flush();
            return ExitCode.SUCCESS.status();
        } catch (ArtifactException | IllegalArgumentException e) {
            err.println("invalid artifact: " + e.getMessage());
            err.flush();
            return ExitCode.OUTPUT_INVALID.status();
        }
    }

    private ToolArtifact read(String toolName) {
        return ArtifactIo.read(toolDir, VulcanSchemas.toolOutput(toolName));
    }
}
