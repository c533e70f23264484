package dev.vulcan.orchestrator.exec;

import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolCatalog;
import dev.vulcan.core.tool.ToolLauncher;
import java.util.Arrays;
import java.util.Optional;

/**
 * The main class of a child JVM of the {@linkplain ProcessBackend process backend} and of the Docker image:
 * {@code ToolProcessMain <tool-name> <standard tool options...>}. It finds the tool by name through the
 * {@link Tool} SPI on its class path and hands the remaining arguments to the standard
 * {@link ToolLauncher}, so a child behaves exactly like the tool's own executable jar.
 */
public final class ToolProcessMain {

    private ToolProcessMain() {
    }

    /**
     * Runs one tool and exits with its exit status (2 when the tool name is missing or unknown).
     *
     * @param args the tool name, then the standard tool options
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ToolProcessMain <tool-name> [tool options]");
            System.exit(ExitCode.INVALID_INPUT.status());
            return;
        }
        ToolCatalog catalog = ToolCatalog.discover(Thread.currentThread().getContextClassLoader());
        Optional<Tool> tool = catalog.find(args[0]);
        if (tool.isEmpty()) {
            System.err.println("unknown tool " + args[0] + "; known tools: " + String.join(", ", catalog.names()));
            System.exit(ExitCode.INVALID_INPUT.status());
            return;
        }
        ToolLauncher.main(tool.get(), Arrays.copyOfRange(args, 1, args.length));
    }
}
