package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import java.util.Locale;

/** Maps Python module names and package names to agent frameworks. */
public final class Frameworks {

    private Frameworks() {
    }

    /**
     * Returns the framework a Python module belongs to, or null.
     *
     * @param module a dotted module name, such as {@code crewai.tools}
     * @return the framework or null
     */
    public static Framework ofModule(String module) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        return switch (top) {
            case "crewai", "crewai_tools" -> Framework.CREWAI;
            case "langgraph" -> Framework.LANGGRAPH;
            case "autogen", "autogen_agentchat", "autogen_ext", "autogen_core", "pyautogen", "ag2" -> Framework.AUTOGEN;
            case "agents" -> Framework.OPENAI_AGENTS;
            case "mcp", "fastmcp" -> Framework.MCP;
            default -> top.equals("langchain") || top.startsWith("langchain_") ? Framework.LANGCHAIN : null;
        };
    }

    /**
     * Returns the framework a package distribution name (requirements, pyproject) belongs to, or null.
     *
     * @param pkg the package name, any case, '-' or '_'
     * @return the framework or null
     */
    public static Framework ofPackage(String pkg) {
        String p = pkg.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (p) {
            case "crewai", "crewai-tools" -> Framework.CREWAI;
            case "langgraph", "langgraph-prebuilt", "langgraph-checkpoint" -> Framework.LANGGRAPH;
            case "pyautogen", "autogen", "autogen-agentchat", "autogen-ext", "autogen-core", "ag2" -> Framework.AUTOGEN;
            case "openai-agents" -> Framework.OPENAI_AGENTS;
            case "mcp", "fastmcp" -> Framework.MCP;
            default -> p.equals("langchain") || p.startsWith("langchain-") ? Framework.LANGCHAIN : null;
        };
    }
}
