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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static final int PARSER_THREADS = 2;
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

    /** JSON with comments and trailing commas, as VS Code and Cursor write MCP configs (JSONC). */
    private static final tools.jackson.databind.json.JsonMapper JSONC = tools.jackson.databind.json.JsonMapper.builder(
            tools.jackson.core.json.JsonFactory.builder()
                    .enable(tools.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            tools.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
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
        boolean localAgents = false;
        for (String path : all) {
            if (path.equals("agents.py") || path.matches("^(src/)?agents/.*\\.py$")) {
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
            Read read = read(realRoot, path, MAX_CONFIG_BYTES);
            if (kind == Kind.YAML && (read.bytes() != null ? !agentConfigCandidate(read.bytes())
                    : !AGENT_CONFIG_NAME.matcher(path).find())) {
                continue;
            }
            byte[] bytes = bytesOrError(read, path, kind);
            if (bytes == null) {
                continue;
            }
            config(path, kind, bytes);
        }
        for (PyOutcome o : parseAll(realRoot, pythonPaths)) {
            byte[] bytes = bytesOrError(o.read(), o.path(), Kind.PYTHON);
            if (bytes == null) {
                continue;
            }
            if (o.errorLine() < 0) {
                parserError(o.path(), Kind.PYTHON, "PARSE_TIMEOUT", "the Python parser gave up (time limit)");
                continue;
            }
            loc += o.loc();
            ObjectNode entry = file(o.path(), Kind.PYTHON, o.errorLine() == 0 ? "parsed" : "parser_error");
            entry.put("loc", o.loc());
            if (o.errorLine() == 0) {
                scanned++;
            } else {
                parserErrors++;
                errors.add(ToolError.recoverable("PYTHON_SYNTAX_ERROR", o.path() + ": syntax error near line "
                        + o.errorLine() + "; scanned what parsed", o.path()));
            }
            if (o.file() != null) {
                python.add(o.file());
            }
        }
        ModuleIndex modules = ModuleIndex.of(python);
        ToolRegistry registry = ToolRegistry.collect(python, model, modules);
        PythonExtractor extractor = new PythonExtractor(model, registry, configs, modules, localAgents);
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

    /**
     * Tells whether a Python file may hold anything the scanner extracts: it names an agent framework, a tool,
     * an agent, an LLM or model, an MCP server, a guardrail, an environment read, or a call that is capability
     * evidence (HTTP, SQL, subprocess, file deletion, payments: a tool may call it through this file). Files that do not are
     * parsed for syntax errors only, which saves copying their trees.
     */
    static boolean relevant(byte[] bytes) {
        String lower = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String word : RELEVANT_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> RELEVANT_WORDS = List.of("crewai", "langgraph", "langchain", "autogen",
            "agent", "mcp", "tool", "llm", "model", "getenv", "environ", "guard", "openai", "anthropic", "chat",
            "presidio", "lakera", "rebuff", "stategraph", "register_", "ollama", "groq", "mistral", "gemini",
            // capability evidence, so a helper module a tool calls into is kept for ToolRegistry.profile
            "requests", "httpx", "aiohttp", "urllib", "smtplib", "sqlite3", "psycopg", "pymysql", "sqlalchemy",
            "subprocess", "shutil", "os.remove", "os.unlink", "stripe", "boto3", "open(");

    /** File names that suggest agent or task config, for YAML files too large to look into. */
    private static final Pattern AGENT_CONFIG_NAME = Pattern.compile("(?i)(agent|crew|task|llm)[^/]*\\.ya?ml$");
    /** Keys that only agent and task configs (CrewAI style) hold. */
    private static final Pattern AGENT_CONFIG_KEY = Pattern.compile(
            "(?m)^\\s+(role|goal|backstory|expected_output)\\s*:");

    /**
     * Tells whether a YAML file may hold agent or task config. Other YAML (CI workflows, manifests, Helm
     * templates that are not YAML at all) is not a candidate: it is neither parsed nor counted in
     * {@code files_scanned} or {@code parser_errors}.
     */
    static boolean agentConfigCandidate(byte[] bytes) {
        return AGENT_CONFIG_KEY.matcher(new String(bytes, StandardCharsets.UTF_8)).find();
    }

    /** The outcome of reading and parsing one Python file. */
    private record PyOutcome(String path, Read read, long loc, int errorLine, PythonFile file) {
    }

    /**
     * Reads and parses Python files on up to two threads (one tree-sitter parser per thread), returning the
     * outcomes in input order.
     */
    private List<PyOutcome> parseAll(Path realRoot, List<String> paths) throws IOException {
        if (paths.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(PARSER_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "agent-scanner-parser");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<PythonParser> parsers = ThreadLocal.withInitial(PythonParser::new);
        try {
            List<Future<PyOutcome>> futures = new ArrayList<>();
            for (String path : paths) {
                futures.add(pool.submit(() -> parseOne(realRoot, path, parsers.get())));
            }
            List<PyOutcome> out = new ArrayList<>();
            for (Future<PyOutcome> f : futures) {
                cancellation.run();
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted while parsing");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(cause);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private PyOutcome parseOne(Path realRoot, String path, PythonParser parser) {
        cancellation.run();
        Read read = read(realRoot, path, MAX_PYTHON_BYTES);
        byte[] bytes = read.bytes();
        if (bytes == null) {
            return new PyOutcome(path, read, 0, 0, null);
        }
        long lines = nonBlankLines(bytes);
        if (!relevant(bytes)) {
            return new PyOutcome(path, read, lines, parser.check(bytes), null);
        }
        PythonParser.Parsed parsed = parser.parse(bytes);
        if (parsed == null) {
            return new PyOutcome(path, read, lines, -1, null);
        }
        return new PyOutcome(path, read, lines, parsed.firstErrorLine(),
                new PythonFile(path, parsed.root(), parsed.clean()));
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

    /** A file read: its bytes, or why they could not be read (code and message), or neither for a skipped link. */
    private record Read(byte[] bytes, String code, String message) {
    }

    private static Read read(Path realRoot, String path, long max) {
        if (!RepoFiles.safeRegularFile(realRoot, path)) {
            return new Read(null, null, null);
        }
        Path p = realRoot.resolve(path);
        try {
            long size = Files.size(p);
            if (size > max) {
                return new Read(null, "FILE_TOO_LARGE", "file is " + size + " bytes, over the " + max + "-byte limit");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) max + 1);
            }
            if (bytes.length > max) {
                return new Read(null, "FILE_TOO_LARGE", "file grew over the " + max + "-byte limit");
            }
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return new Read(bytes, null, null);
        } catch (CharacterCodingException e) {
            return new Read(null, "NOT_UTF8", "not valid UTF-8");
        } catch (IOException e) {
            return new Read(null, "FILE_UNREADABLE", "cannot read: " + e.getClass().getSimpleName());
        }
    }

    private byte[] bytesOrError(Read read, String path, Kind kind) {
        if (read.code() != null) {
            parserError(path, kind, read.code(), read.message());
        }
        return read.bytes();
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
                    node = JSONC.readTree(text);
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
