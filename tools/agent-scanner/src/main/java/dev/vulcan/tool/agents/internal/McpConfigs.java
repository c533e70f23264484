package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads MCP server declarations from JSON configs ({@code mcpServers} in {@code .mcp.json},
 * {@code claude_desktop_config.json}, {@code .cursor/mcp.json}, {@code .vscode/mcp.json} which uses
 * {@code servers}...). Environment entries are recorded by NAME only; values are never read into the model.
 */
public final class McpConfigs {

    /** Docker flags followed by a value (which may be a secret, as in {@code -e KEY=value}). */
    private static final java.util.Set<String> DOCKER_VALUE_FLAGS = java.util.Set.of("-e", "--env", "--env-file",
            "-v", "--volume", "-p", "--publish", "--name", "--network", "-w", "--workdir", "--mount", "-u", "--user",
            "-l", "--label", "--entrypoint", "--platform");

    /** An environment-style assignment {@code NAME=value} (not a pip pin {@code pkg==1.0}). */
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=(?!=)");

    private McpConfigs() {
    }

    /**
     * Adds the MCP servers of a parsed JSON document to the model.
     *
     * @param model the model
     * @param path the file
     * @param root the document
     * @param lines the 1-based line of each server name, where known
     * @return the number of servers found
     */
    public static int add(ScanModel model, String path, JsonNode root, Map<String, Integer> lines) {
        if (root == null || !root.isObject()) {
            return 0;
        }
        JsonNode servers = root.path("mcpServers");
        if (!servers.isObject()) {
            servers = root.path("mcp").path("servers");
        }
        if (!servers.isObject() && path.endsWith("mcp.json")) {
            servers = root.path("servers");
        }
        if (!servers.isObject()) {
            return 0;
        }
        int n = 0;
        for (Map.Entry<String, JsonNode> e : servers.properties()) {
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                continue;
            }
            ScanModel.McpServer server = model.mcpServer(e.getKey(),
                    new ScanModel.Location(path, lines.getOrDefault(e.getKey(), 0)));
            if (s.path("url").isString() || s.path("serverUrl").isString()) {
                server.transport = "http";
            } else {
                server.transport = "stdio";
            }
            List<String> args = new ArrayList<>();
            for (JsonNode a : s.path("args")) {
                if (a.isString()) {
                    args.add(a.asString());
                }
            }
            launch(server, s.path("command").isString() ? s.path("command").asString() : null, args);
            for (String name : s.path("env").propertyNames()) {
                server.envVarNames.add(name);
                model.envVar(name, path);
            }
            n++;
        }
        if (n > 0) {
            model.framework(Framework.MCP, "config", path, null);
        }
        return n;
    }

    /**
     * Records how a stdio server is launched: the launcher ({@code npx}, {@code uvx}, {@code docker}...), the
     * package it runs, and whether that package is pinned to a version.
     *
     * @param server the server
     * @param command the command, or null
     * @param args the arguments
     */
    static void launch(ScanModel.McpServer server, String command, List<String> args) {
        if (command == null) {
            return;
        }
        String launcher = command.contains("/") ? command.substring(command.lastIndexOf('/') + 1) : command;
        server.launcher = launcher;
        String pkg = null;
        boolean skipValue = false;
        for (String a : args) {
            if (skipValue) {
                skipValue = false;
                continue;
            }
            if (a.startsWith("-")) {
                skipValue = launcher.equals("docker") && DOCKER_VALUE_FLAGS.contains(a);
                continue;
            }
            if (launcher.equals("docker") && (a.equals("run") || a.equals("exec"))) {
                continue;
            }
            if (ASSIGNMENT.matcher(a).find() || a.contains("://") || a.contains(" ")) {
                // an assignment, a URL or free text, possibly carrying a credential: never a package name
                continue;
            }
            pkg = a;
            break;
        }
        if (pkg == null || !(launcher.equals("npx") || launcher.equals("uvx") || launcher.equals("pipx")
                || launcher.equals("bunx") || launcher.equals("pnpm") || launcher.equals("docker"))) {
            return;
        }
        server.packageName = pkg;
        if (launcher.equals("docker")) {
            String tag = pkg.contains("@sha256:") ? "digest" : pkg.lastIndexOf(':') > pkg.lastIndexOf('/') ? "tag" : "";
            server.pinned = tag.equals("digest") || tag.equals("tag") && !pkg.endsWith(":latest");
        } else if (launcher.equals("uvx") || launcher.equals("pipx")) {
            server.pinned = pkg.contains("==") || pkg.contains("@");
        } else {
            int at = pkg.lastIndexOf('@');
            String version = at > 0 ? pkg.substring(at + 1) : "";
            server.pinned = !version.isEmpty() && !version.equals("latest") && Character.isDigit(version.charAt(0));
        }
    }
}
