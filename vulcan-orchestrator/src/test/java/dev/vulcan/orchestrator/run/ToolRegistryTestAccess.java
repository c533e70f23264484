package dev.vulcan.orchestrator.run;

import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.testtools.Tools;
import java.util.List;

/** The registry of every test tool, built explicitly (independent of what else is on the class path). */
final class ToolRegistryTestAccess {

    private ToolRegistryTestAccess() {
    }

    static ToolRegistry registry() {
        return ToolRegistry.of(List.of(new Tools.Files0(), new Tools.Count1(), new Tools.ParA(), new Tools.ParB(),
                new Tools.Size2(), new Tools.Partial(), new Tools.Throws(), new Tools.AfterThrows(), new Tools.Hangs(),
                new Tools.Escapes(), new Tools.Garbage()));
    }
}
