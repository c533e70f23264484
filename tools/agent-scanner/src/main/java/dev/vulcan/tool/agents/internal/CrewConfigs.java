package dev.vulcan.tool.agents.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * CrewAI-style YAML configs found in the repository: agent configs (entries with {@code role}, {@code goal} or
 * {@code backstory}) and task configs (entries with {@code description} and {@code expected_output}), by path.
 */
public final class CrewConfigs {

    /** One named YAML entry with the line of its key. */
    public record Entry(String name, JsonNode node, int line) {
    }

    private final Map<String, Map<String, Entry>> agents = new LinkedHashMap<>();
    private final Map<String, Map<String, Entry>> tasks = new LinkedHashMap<>();
    private final Set<String> consumed = new HashSet<>();

    /**
     * Classifies a parsed YAML document and keeps it when it holds agent or task config.
     *
     * @param path the YAML file
     * @param root the document
     * @param lines the 1-based line of each top-level key
     * @return true when the file holds agent or task config
     */
    public boolean add(String path, JsonNode root, Map<String, Integer> lines) {
        if (root == null || !root.isObject() || root.isEmpty()) {
            return false;
        }
        Map<String, Entry> a = new LinkedHashMap<>();
        Map<String, Entry> t = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                continue;
            }
            int line = lines.getOrDefault(e.getKey(), 0);
            if (v.has("role") || v.has("goal") || v.has("backstory")) {
                a.put(e.getKey(), new Entry(e.getKey(), v, line));
            } else if (v.has("description") && v.has("expected_output")) {
                t.put(e.getKey(), new Entry(e.getKey(), v, line));
            }
        }
        if (!a.isEmpty()) {
            agents.put(path, a);
        }
        if (!t.isEmpty()) {
            tasks.put(path, t);
        }
        return !a.isEmpty() || !t.isEmpty();
    }

    /**
     * Returns the agent entries of a file, or an empty map.
     *
     * @param path the YAML file
     * @return the entries by name
     */
    public Map<String, Entry> agentsAt(String path) {
        return agents.getOrDefault(path, Map.of());
    }

    /**
     * Returns the task entries of a file, or an empty map.
     *
     * @param path the YAML file
     * @return the entries by name
     */
    public Map<String, Entry> tasksAt(String path) {
        return tasks.getOrDefault(path, Map.of());
    }

    /**
     * Finds the agent-config file for a CrewBase class: the declared path relative to the class's folder if it
     * exists, else any agent config holding all the given names.
     *
     * @param declared the declared path relative to the folder of the Python file
     * @param pythonPath the Python file
     * @param names agent names the class defines
     * @param tasksFile true to look among task configs
     * @return the YAML path, or null
     */
    public String locate(String declared, String pythonPath, List<String> names, boolean tasksFile) {
        Map<String, Map<String, Entry>> all = tasksFile ? tasks : agents;
        String dir = pythonPath.contains("/") ? pythonPath.substring(0, pythonPath.lastIndexOf('/') + 1) : "";
        String candidate = normalize(dir + declared);
        if (candidate != null && all.containsKey(candidate)) {
            return candidate;
        }
        for (Map.Entry<String, Map<String, Entry>> e : all.entrySet()) {
            if (!names.isEmpty() && e.getValue().keySet().containsAll(names)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Marks a YAML file as used by a CrewBase class, so its entries do not also become stand-alone agents.
     *
     * @param path the YAML file
     */
    public void consume(String path) {
        consumed.add(path);
    }

    /**
     * Returns the agent-config files no CrewBase class used.
     *
     * @return the paths
     */
    public List<String> unconsumedAgentFiles() {
        List<String> out = new ArrayList<>();
        for (String p : agents.keySet()) {
            if (!consumed.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Returns the task-config files no CrewBase class used.
     *
     * @return the paths
     */
    public List<String> unconsumedTaskFiles() {
        List<String> out = new ArrayList<>();
        for (String p : tasks.keySet()) {
            if (!consumed.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
