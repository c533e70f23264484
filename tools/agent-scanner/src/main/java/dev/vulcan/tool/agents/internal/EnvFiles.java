package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.ProviderConfidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the variable NAMES of {@code .env}-style files ({@code .env}, {@code .env.example}, {@code *.env}).
 * Values are never kept: each line is matched for its name only and the rest of the line is discarded.
 */
public final class EnvFiles {

    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    private EnvFiles() {
    }

    /**
     * Returns the variable names declared in an env file, in file order.
     *
     * @param text the content
     * @return the names (never values)
     */
    public static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Records env names in the model and the providers their API-key names point to.
     *
     * @param model the model
     * @param path the file
     * @param names the variable names
     */
    public static void record(ScanModel model, String path, List<String> names) {
        for (String name : names) {
            model.envVar(name, path);
        }
    }

    /**
     * Adds inferred_env_var provider evidence for every API-key variable name seen anywhere (env files, code,
     * MCP configs).
     *
     * @param model the model
     */
    public static void inferProviders(ScanModel model) {
        model.envVarNames.forEach((name, files) -> {
            String p = Providers.ofApiKeyVariable(name);
            if (p != null) {
                for (String file : files) {
                    model.provider(p, ProviderConfidence.INFERRED_ENV_VAR, null, new ScanModel.Location(file, 0));
                }
            }
        });
    }
}
