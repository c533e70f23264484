package dev.vulcan.sot.models;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A dbt-style SQL project: {@code dbt_project.yml}, {@code models/{staging,intermediate,marts}/*.sql},
 * {@code models/*.yml} (sources and generic tests) and {@code tests/*.sql} (singular tests). Models use
 * {@code {{ ref('x') }}}, {@code {{ source('landing', 't') }}}, {@code {{ var('run_id') }}} and
 * {@code {{ config(materialized='view|table|incremental', unique_key='...') }}}; nothing else of Jinja, so
 * the same folder runs under dbt-duckdb.
 */
public final class ModelProject {

    /** The classpath folder of the built-in project. */
    public static final String BUILT_IN = "dev/vulcan/sot/dbt";

    static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");
    static final Pattern SOURCE = Pattern.compile(
            "\\{\\{\\s*source\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*,\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");
    static final Pattern VAR = Pattern.compile("\\{\\{\\s*var\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");
    static final Pattern CONFIG = Pattern.compile("\\{\\{\\s*config\\((.*?)\\)\\s*}}", Pattern.DOTALL);
    private static final Pattern CONFIG_ARG = Pattern.compile("([a-z_]+)\\s*=\\s*'([^']*)'");
    private static final List<String> LAYERS = List.of("staging", "intermediate", "marts");

    private static volatile ModelProject builtIn;

    private final List<Model> models;
    private final Set<String> sources;
    private final List<DataTest> tests;

    private ModelProject(List<Model> models, Set<String> sources, List<DataTest> tests) {
        this.models = List.copyOf(models);
        this.sources = Set.copyOf(sources);
        this.tests = List.copyOf(tests);
    }

    /**
     * Returns the built-in project, loaded once from the classpath (a folder or a jar).
     *
     * @return the project
     * @throws IllegalStateException if it is missing or invalid
     */
    public static synchronized ModelProject builtIn() {
        ModelProject project = builtIn;
        if (project == null) {
            project = loadBuiltIn();
            builtIn = project;
        }
        return project;
    }

    private static ModelProject loadBuiltIn() {
        URL marker = ModelProject.class.getClassLoader().getResource(BUILT_IN + "/dbt_project.yml");
        if (marker == null) {
            throw new IllegalStateException("built-in model project missing: " + BUILT_IN + "/dbt_project.yml");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.getPath("/" + BUILT_IN));
                }
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the built-in model project: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a project from a folder.
     *
     * @param root the folder holding {@code dbt_project.yml}
     * @return the project
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the project is invalid: no dbt_project.yml, a bad config, an unknown
     *     ref or source, unsupported Jinja, a duplicate model or a reference cycle
     */
    public static ModelProject load(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        if (!Files.isRegularFile(root.resolve("dbt_project.yml"))) {
            throw new IllegalArgumentException(root + " is not a model project: dbt_project.yml missing");
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        Map<String, Model> models = new TreeMap<>();
        for (String layer : LAYERS) {
            for (Path file : list(root.resolve("models").resolve(layer), ".sql")) {
                String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
                Model model = parseModel(name, layer, Files.readString(file, StandardCharsets.UTF_8));
                if (models.put(name, model) != null) {
                    throw new IllegalArgumentException("model " + name + " is defined twice");
                }
            }
        }
        Set<String> sources = new TreeSet<>();
        List<DataTest> tests = new ArrayList<>();
        for (Path file : list(root.resolve("models"), ".yml")) {
            JsonNode doc = yaml.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode source : iterable(doc.path("sources"))) {
                for (JsonNode table : iterable(source.path("tables"))) {
                    sources.add(source.path("name").asString() + "." + table.path("name").asString());
                }
            }
            for (JsonNode model : iterable(doc.path("models"))) {
                tests.addAll(GenericTests.of(model, models.keySet(), file));
            }
        }
        for (Path file : list(root.resolve("tests"), ".sql")) {
            String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            tests.add(new DataTest(name, sql, refs(sql), false));
        }
        List<Model> ordered = order(models);
        for (Model model : ordered) {
            requireKnown(model.name(), model.sql(), models.keySet(), sources);
        }
        for (DataTest test : tests) {
            requireKnown(test.name(), test.sql(), models.keySet(), sources);
        }
        return new ModelProject(ordered, sources, tests);
    }

    /**
     * Returns the models in dependency order (a model after every model it references; ties by name).
     *
     * @return the models
     */
    public List<Model> models() {
        return models;
    }

    /**
     * Returns the declared sources, {@code source_name.table_name}.
     *
     * @return the sources
     */
    public Set<String> sources() {
        return sources;
    }

    /**
     * Returns the data tests: generic ones first, then singular ones, each group by name.
     *
     * @return the tests
     */
    public List<DataTest> tests() {
        return tests;
    }

    /**
     * Renders a model or test SQL: resolves refs, sources and vars and drops the config call.
     *
     * @param sql the raw SQL
     * @param vars the variables
     * @return executable SQL
     * @throws IllegalArgumentException if a var is not given
     */
    public String render(String sql, Map<String, String> vars) {
        Objects.requireNonNull(vars, "vars");
        String out = CONFIG.matcher(sql).replaceAll("");
        out = REF.matcher(out).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\""));
        out = SOURCE.matcher(out).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(2) + "\""));
        Matcher var = VAR.matcher(out);
        StringBuilder rendered = new StringBuilder();
        while (var.find()) {
            String value = vars.get(var.group(1));
            if (value == null) {
                throw new IllegalArgumentException("var '" + var.group(1) + "' is not set");
            }
            if (value.contains("'")) {
                throw new IllegalArgumentException("var '" + var.group(1) + "' must not contain a quote");
            }
            var.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        var.appendTail(rendered);
        return rendered.toString();
    }

    private static Model parseModel(String name, String layer, String sql) {
        Materialization materialization = Materialization.VIEW;
        String uniqueKey = null;
        Matcher config = CONFIG.matcher(sql);
        if (config.find()) {
            Matcher arg = CONFIG_ARG.matcher(config.group(1));
            while (arg.find()) {
                switch (arg.group(1)) {
                    case "materialized" -> materialization = Materialization.fromCode(arg.group(2));
                    case "unique_key" -> uniqueKey = arg.group(2);
                    default -> throw new IllegalArgumentException("model " + name + ": unsupported config '"
                            + arg.group(1) + "'");
                }
            }
        }
        return new Model(name, layer, sql, materialization, uniqueKey, refs(sql));
    }

    static List<String> refs(String sql) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = REF.matcher(sql);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return List.copyOf(refs);
    }

    private static void requireKnown(String owner, String sql, Set<String> models, Set<String> sources) {
        for (String ref : refs(sql)) {
            if (!models.contains(ref)) {
                throw new IllegalArgumentException(owner + ": ref('" + ref + "') names no model");
            }
        }
        Matcher source = SOURCE.matcher(sql);
        while (source.find()) {
            if (!sources.contains(source.group(1) + "." + source.group(2))) {
                throw new IllegalArgumentException(owner + ": source('" + source.group(1) + "', '" + source.group(2)
                        + "') is not declared in models/*.yml");
            }
        }
        String stripped = VAR.matcher(SOURCE.matcher(REF.matcher(CONFIG.matcher(sql).replaceAll(""))
                .replaceAll("")).replaceAll("")).replaceAll("");
        if (stripped.contains("{{") || stripped.contains("{%")) {
            throw new IllegalArgumentException(owner + ": unsupported Jinja (only ref, source, var and config)");
        }
    }

    private static List<Model> order(Map<String, Model> models) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new TreeMap<>();
        for (Model model : models.values()) {
            int known = 0;
            for (String ref : model.refs()) {
                if (!models.containsKey(ref)) {
                    throw new IllegalArgumentException(model.name() + ": ref('" + ref + "') names no model");
                }
                dependents.computeIfAbsent(ref, k -> new ArrayList<>()).add(model.name());
                known++;
            }
            pending.put(model.name(), known);
        }
        TreeSet<String> ready = new TreeSet<>();
        pending.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        List<Model> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            ordered.add(models.get(next));
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() != models.size()) {
            Set<String> cycle = new TreeSet<>(models.keySet());
            ordered.forEach(m -> cycle.remove(m.name()));
            throw new IllegalArgumentException("reference cycle among models " + cycle);
        }
        return ordered;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(
                    (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }
}
