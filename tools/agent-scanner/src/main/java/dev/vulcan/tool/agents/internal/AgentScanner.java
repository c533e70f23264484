package dev.vulcan.tool.agents.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.ProviderConfidence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Scans one repository: discovers files, parses Python with tree-sitter and configs with bounded loaders,
 * extracts the agent model, builds the topology, applies the rules and writes the {@code data} object of the
 * agent-scanner output. Never executes repository code; never copies an environment variable's value.
 */
public final class AgentScanner {

    /** The largest Python file read, in bytes. */
    public static final long MAX_PYTHON_BYTES = 1L << 20;
    /** The largest config file (YAML, JSON, TOML, requirements, env) read, in bytes. */
    public static final long MAX_CONFIG_BYTES = 256L << 10;
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", ".venv", "venv", "site-packages",
            "__pycache__", ".tox", ".git");
    private static final Pattern YAML_KEY = Pattern.compile("^([A-Za-z0-9_][A-Za-z0-9_.\\-]*)\\s*:");
    private static final Pattern JSON_KEY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{");

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .loadSettings(LoadSettings.builder()
                    .setMaxAliasesForCollections(20)
                    .setCodePointLimit((int) MAX_CONFIG_BYTES)
                    .setAllowDuplicateKeys(true)
                    .setAllowRecursiveKeys(false)
                    .build())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build()).build();

    /** The kind of a candidate file. */
    private enum Kind {
        PYTHON("python"), YAML("yaml"), MCP_JSON("mcp_json"), ENV("env"), REQUIREMENTS("requirements"),
        PYPROJECT("pyproject");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** The scan outcome. */
    public record Result(ObjectNode data, List<ToolError> errors, int filesScanned) {
    }

    private final Path root;
    private final Runnable cancellation;
    private final ScanModel model = new ScanModel();
    private final CrewConfigs configs = new CrewConfigs();
    private final List<ToolError> errors = new ArrayList<>();
    private final Map<String, ObjectNode> files = new TreeMap<>();
    private int scanned;
    private int parserErrors;
    private int pythonFiles;
    private int yamlConfigs;
    private long loc;

    /**
     * Creates a scanner.
     *
     * @param root the repository root
     * @param cancellation called regularly; throws to stop the scan
     */
    public AgentScanner(Path root, Runnable cancellation) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * Runs the scan.
     *
     * @return the data, the recoverable errors and the number of files scanned
     * @throws IOException if the repository cannot be listed
     */
    public Result scan() throws IOException {
        List<String> all = RepoFiles.list(root);
        Path realRoot = root.toRealPath();
        List<PythonFile> python = new ArrayList<>();
        PythonParser parser = null;
        boolean localAgents = false;
        for (String path : all) {
            if (path.equals("agents.py") || path.equals("agents/__init__.py")
                    || path.matches("^(src/)?agents/__init__\\.py$")) {
                localAgents = true;
            }
        }
        // configs first: CrewBase classes need the YAML agents
        List<String> pythonPaths = new ArrayList<>();
        for (String path : all) {
            cancellation.run();
            Kind kind = kind(path);
            if (kind == null) {
                continue;
            }
            if (kind == Kind.PYTHON) {
                pythonFiles++;
                pythonPaths.add(path);
                continue;
            }
            byte[] bytes = read(realRoot, path, MAX_CONFIG_BYTES, kind);
            if (bytes == null) {
                continue;
            }
            config(path, kind, bytes);
        }
        for (String path : pythonPaths) {
            cancellation.run();
            byte[] bytes = read(realRoot, path, MAX_PYTHON_BYTES, Kind.PYTHON);
            if (bytes == null) {
                continue;
            }
            if (parser == null) {
                parser = new PythonParser();
            }
            PythonParser.Parsed parsed = parser.parse(bytes);
            if (parsed == null) {
                parserError(path, Kind.PYTHON, "PARSE_TIMEOUT", "the Python parser gave up (time limit)");
                continue;
            }
            loc += nonBlankLines(bytes);
            ObjectNode entry = file(path, Kind.PYTHON, parsed.clean() ? "parsed" : "parser_error");
            entry.put("loc", nonBlankLines(bytes));
            if (parsed.clean()) {
                scanned++;
            } else {
                parserErrors++;
                errors.add(ToolError.recoverable("PYTHON_SYNTAX_ERROR", path + ": syntax error near line "
                        + parsed.firstErrorLine() + "; scanned what parsed", path));
            }
            python.add(new PythonFile(path, parsed.root(), parsed.clean()));
        }
        ToolRegistry registry = ToolRegistry.collect(python, model);
        PythonExtractor extractor = new PythonExtractor(model, registry, configs, localAgents);
        for (PythonFile f : python) {
            cancellation.run();
            extractor.extract(f);
            if (!f.frameworks.isEmpty()) {
                ArrayNode fws = files.get(f.path).putArray("frameworks");
                f.frameworks.stream().map(Framework::code).sorted().forEach(fws::add);
            }
        }
        extractor.yamlOnlyAgents();
        extractor.finish();
        EnvFiles.inferProviders(model);
        inferFrameworkDefault();
        Topology graph = Topology.build(model, extractor.delegations(), extractor.contextLinks());
        List<Findings.Finding> findings = Findings.evaluate(model, graph);
        ObjectNode data = Output.write(model, graph, findings, counts(all.size()), List.copyOf(files.values()));
        return new Result(data, errors, scanned);
    }

    private ObjectNode counts(int total) {
        ObjectNode c = Json.object();
        c.put("files_total", total);
        c.put("files_scanned", scanned);
        c.put("parser_errors", parserErrors);
        c.put("python_file_count", pythonFiles);
        c.put("yaml_config_count", yamlConfigs);
        c.put("total_loc", loc);
        return c;
    }

    private void inferFrameworkDefault() {
        if (!model.providers.isEmpty()) {
            return;
        }
        for (Framework f : List.of(Framework.CREWAI, Framework.OPENAI_AGENTS)) {
            ScanModel.FrameworkUse use = model.frameworks.get(f);
            if (use != null && !model.agents.isEmpty()) {
                model.provider("openai", ProviderConfidence.INFERRED_FRAMEWORK, null,
                        new ScanModel.Location(use.files.iterator().next(), 0));
            }
        }
    }

    private static Kind kind(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (SKIPPED_DIRS.contains(segments[i])) {
                return null;
            }
        }
        String name = segments[segments.length - 1];
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".py")) {
            return Kind.PYTHON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Kind.YAML;
        }
        if (lower.endsWith(".json") && (lower.contains("mcp") || lower.equals("claude_desktop_config.json"))) {
            return Kind.MCP_JSON;
        }
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")) {
            return Kind.ENV;
        }
        if (lower.startsWith("requirements") && lower.endsWith(".txt")) {
            return Kind.REQUIREMENTS;
        }
        if (lower.equals("pyproject.toml")) {
            return Kind.PYPROJECT;
        }
        return null;
    }

    private byte[] read(Path realRoot, String path, long max, Kind kind) {
        if (!RepoFiles.safeRegularFile(realRoot, path)) {
            return null;
        }
        Path p = realRoot.resolve(path);
        try {
            long size = Files.size(p);
            if (size > max) {
                parserError(path, kind, "FILE_TOO_LARGE", "file is " + size + " bytes, over the " + max + "-byte limit");
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) max + 1);
            }
            if (bytes.length > max) {
                parserError(path, kind, "FILE_TOO_LARGE", "file grew over the " + max + "-byte limit");
                return null;
            }
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return bytes;
        } catch (CharacterCodingException e) {
            parserError(path, kind, "NOT_UTF8", "not valid UTF-8");
            return null;
        } catch (IOException e) {
            parserError(path, kind, "FILE_UNREADABLE", "cannot read: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private void parserError(String path, Kind kind, String code, String message) {
        parserErrors++;
        file(path, kind, "parser_error");
        errors.add(ToolError.recoverable(code, path + ": " + message, path));
    }

    private ObjectNode file(String path, Kind kind, String status) {
        ObjectNode f = Json.object();
        f.put("path", path);
        f.put("file_id", CanonicalIds.fileId(path));
        f.put("kind", kind.code);
        f.put("status", status);
        files.put(path, f);
        return f;
    }

    private void config(String path, Kind kind, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (kind) {
            case YAML -> {
                JsonNode node;
                try {
                    node = text.isBlank() ? null : YAML.readTree(text);
                } catch (JacksonException | IllegalArgumentException e) {
                    parserError(path, kind, "YAML_INVALID", "invalid YAML" + near(e));
                    return;
                }
                scanned++;
                boolean agentConfig = configs.add(path, node, keyLines(text, YAML_KEY));
                ObjectNode f = file(path, kind, "parsed");
                f.put("agent_config", agentConfig);
                if (agentConfig) {
                    yamlConfigs++;
                    long lines = nonBlankLines(bytes);
                    loc += lines;
                    f.put("loc", lines);
                }
            }
            case MCP_JSON -> {
                JsonNode node;
                try {
                    node = Json.mapper().readTree(text);
                } catch (JacksonException e) {
                    parserError(path, kind, "JSON_INVALID", "invalid JSON" + near(e));
                    return;
                }
                scanned++;
                int n = McpConfigs.add(model, path, node, keyLines(text, JSON_KEY));
                file(path, kind, "parsed").put("mcp_servers", n);
            }
            case ENV -> {
                scanned++;
                List<String> names = EnvFiles.names(text);
                EnvFiles.record(model, path, names);
                file(path, kind, "parsed");
            }
            case REQUIREMENTS -> {
                scanned++;
                Dependencies.record(model, path, Dependencies.requirements(text));
                file(path, kind, "parsed");
            }
            case PYPROJECT -> {
                scanned++;
                Dependencies.record(model, path, Dependencies.pyproject(text));
                file(path, kind, "parsed");
            }
            default -> throw new IllegalStateException("not a config kind: " + kind);
        }
    }

    private static Map<String, Integer> keyLines(String text, Pattern key) {
        Map<String, Integer> out = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = key.matcher(key == YAML_KEY ? lines[i] : lines[i].trim());
            if (m.find()) {
                out.putIfAbsent(m.group(1), i + 1);
            }
        }
        return out;
    }

    private static long nonBlankLines(byte[] bytes) {
        long n = 0;
        boolean blank = true;
        for (byte b : bytes) {
            if (b == '\n') {
                if (!blank) {
                    n++;
                }
                blank = true;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
        }
        return blank ? n : n + 1;
    }

    /** The message names the line only: parser messages can quote file content, which may hold secrets. */
    private static String near(Exception e) {
        if (e instanceof JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            return " near line " + j.getLocation().getLineNr();
        }
        return "";
    }
}
