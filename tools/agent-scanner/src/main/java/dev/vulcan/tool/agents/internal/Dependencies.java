package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads declared dependencies from {@code requirements*.txt} and the small subset of {@code pyproject.toml}
 * that declares them ({@code [project] dependencies}, {@code [project.optional-dependencies]},
 * {@code [tool.poetry.dependencies]} and poetry groups), to detect frameworks and their versions.
 */
public final class Dependencies {

    /** One declared dependency: the package name and the version constraint (may be empty). */
    public record Requirement(String name, String constraint) {
    }

    private static final Pattern REQ = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[^\\]]*\\])?\\s*(.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");

    private Dependencies() {
    }

    /**
     * Parses a requirements file.
     *
     * @param text the content
     * @return the requirements
     */
    public static List<Requirement> requirements(String text) {
        List<Requirement> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            line = line.trim();
            if (line.isEmpty() || line.startsWith("-")) {
                continue;
            }
            Requirement r = requirement(line);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Parses the dependency declarations of a pyproject.toml.
     *
     * @param text the content
     * @return the requirements
     */
    public static List<Requirement> pyproject(String text) {
        List<Requirement> out = new ArrayList<>();
        String table = "";
        boolean inArray = false;
        for (String raw : text.split("\\R")) {
            String line = raw.trim();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (!inArray && line.startsWith("[")) {
                table = line.replaceAll("[\\[\\]\\s]", "");
                continue;
            }
            boolean pep621 = table.equals("project") && line.matches("^dependencies\\s*=.*")
                    || table.equals("project.optional-dependencies") && line.matches("^[A-Za-z0-9_-]+\\s*=\\s*\\[.*");
            if (pep621 || inArray) {
                String part = pep621 ? line.substring(line.indexOf('=') + 1) : line;
                Matcher m = QUOTED.matcher(part);
                while (m.find()) {
                    Requirement r = requirement(m.group(1) != null ? m.group(1) : m.group(2));
                    if (r != null) {
                        out.add(r);
                    }
                }
                inArray = !part.contains("]");
                continue;
            }
            boolean poetry = table.equals("tool.poetry.dependencies")
                    || table.matches("tool\\.poetry\\.group\\.[^.]+\\.dependencies");
            if (poetry && line.contains("=")) {
                String name = line.substring(0, line.indexOf('=')).trim().replace("\"", "");
                String value = line.substring(line.indexOf('=') + 1).trim();
                Matcher m = QUOTED.matcher(value);
                String version = "";
                if (value.startsWith("{")) {
                    Matcher v = Pattern.compile("version\\s*=\\s*\"([^\"]*)\"").matcher(value);
                    version = v.find() ? v.group(1) : "";
                } else if (m.find()) {
                    version = m.group(1) != null ? m.group(1) : m.group(2);
                }
                if (!name.equalsIgnoreCase("python")) {
                    out.add(new Requirement(name, version));
                }
            }
        }
        return out;
    }

    private static Requirement requirement(String spec) {
        String s = spec.contains(";") ? spec.substring(0, spec.indexOf(';')) : spec;
        Matcher m = REQ.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        return new Requirement(m.group(1), m.group(3).trim());
    }

    /**
     * Records the frameworks among requirements in the model, with their version constraints.
     *
     * @param model the model
     * @param path the file
     * @param requirements the requirements
     * @return the number of framework requirements
     */
    public static int record(ScanModel model, String path, List<Requirement> requirements) {
        int n = 0;
        for (Requirement r : requirements) {
            Framework f = Frameworks.ofPackage(r.name());
            if (f != null) {
                model.framework(f, "dependency", path, r.constraint().isEmpty() ? null : r.constraint());
                n++;
            }
            String lower = r.name().toLowerCase(Locale.ROOT);
            if (lower.equals("guardrails-ai") || lower.equals("nemoguardrails") || lower.equals("llm-guard")) {
                model.guardrail(dev.vulcan.tool.agents.GuardrailKind.GUARDRAIL_LIBRARY, lower,
                        new ScanModel.Location(path, 0));
            }
        }
        return n;
    }
}
