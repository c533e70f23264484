package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classifies tools into capabilities, data stores and external services, from three kinds of evidence: a
 * catalog of well-known built-in tools, the calls made in a custom tool's body, and (for anything else) the
 * tokens of the tool's name. The rules are documented in the module README.
 */
public final class Capabilities {

    /** What is known of a tool's behaviour. */
    public record Profile(Set<Capability> capabilities, Set<String> readsFrom, Set<String> writesTo,
            Set<String> calls) {
        /** Creates a profile with copies of the sets. */
        public Profile {
            capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
            readsFrom = new TreeSet<>(readsFrom);
            writesTo = new TreeSet<>(writesTo);
            calls = new TreeSet<>(calls);
        }

        static Profile empty() {
            return new Profile(EnumSet.noneOf(Capability.class), Set.of(), Set.of(), Set.of());
        }
    }

    private record Entry(Set<Capability> capabilities, String store, String service) {
    }

    private static final Map<String, Entry> BUILTINS = Map.ofEntries(
            web("SerperDevTool", "web_search"), web("TavilySearchResults", "web_search"),
            web("TavilySearch", "web_search"), web("DuckDuckGoSearchRun", "web_search"),
            web("DuckDuckGoSearchResults", "web_search"), web("GoogleSearchRun", "web_search"),
            web("BraveSearch", "web_search"), web("WebSearchTool", "web_search"), web("EXASearchTool", "web_search"),
            web("WebsiteSearchTool", "web"), web("ScrapeWebsiteTool", "web"), web("FirecrawlScrapeWebsiteTool", "web"),
            web("SeleniumScrapingTool", "web"), web("RequestsGetTool", "http"), web("RequestsPostTool", "http"),
            web("RequestsPutTool", "http"), web("RequestsPatchTool", "http"), web("RequestsDeleteTool", "http"),
            web("RequestsToolkit", "http"),
            web("WikipediaQueryRun", "web"), web("ArxivQueryRun", "web"), web("YoutubeVideoSearchTool", "web"),
            web("GmailToolkit", "email"), web("GmailSendMessage", "email"), web("SlackToolkit", "chat"),
            web("SlackSendMessage", "chat"),
            read("FileReadTool", "filesystem"), read("DirectoryReadTool", "filesystem"),
            read("ReadFileTool", "filesystem"), read("ListDirectoryTool", "filesystem"),
            read("PDFSearchTool", "filesystem"), read("CSVSearchTool", "filesystem"),
            read("DOCXSearchTool", "filesystem"), read("JSONSearchTool", "filesystem"),
            read("TXTSearchTool", "filesystem"), read("DirectorySearchTool", "filesystem"),
            read("FileSearchTool", "vector_store"), read("RagTool", "vector_store"),
            read("NL2SQLTool", "sql_database"), read("QuerySQLDataBaseTool", "sql_database"),
            read("QuerySQLDatabaseTool", "sql_database"), read("InfoSQLDatabaseTool", "sql_database"),
            read("SQLDatabaseToolkit", "sql_database"), read("PGSearchTool", "sql_database"),
            read("MySQLSearchTool", "sql_database"),
            Map.entry("FileWriterTool", new Entry(EnumSet.of(Capability.DESTRUCTIVE), "filesystem", null)),
            Map.entry("WriteFileTool", new Entry(EnumSet.of(Capability.DESTRUCTIVE), "filesystem", null)),
            Map.entry("DeleteFileTool", new Entry(EnumSet.of(Capability.DESTRUCTIVE), "filesystem", null)),
            exec("CodeInterpreterTool"), exec("PythonREPLTool"), exec("PythonREPL"), exec("PythonAstREPLTool"),
            exec("ShellTool"), exec("BashTool"), exec("ComputerTool"), exec("LocalCommandLineCodeExecutor"),
            exec("DockerCommandLineCodeExecutor"), exec("CodeDocsSearchTool"),
            Map.entry("StripeAgentToolkit", new Entry(EnumSet.of(Capability.FINANCIAL), null, "payment_api")));

    private static Map.Entry<String, Entry> web(String name, String service) {
        return Map.entry(name, new Entry(EnumSet.of(Capability.OUTBOUND), null, service));
    }

    private static Map.Entry<String, Entry> read(String name, String store) {
        return Map.entry(name, new Entry(EnumSet.of(Capability.DATA_ACCESS), store, null));
    }

    private static Map.Entry<String, Entry> exec(String name) {
        return Map.entry(name, new Entry(EnumSet.of(Capability.CODE_EXEC), null, null));
    }

    /** The pseudo call name a tool body's {@code open(..., "w"|"a"|"x"|"+")} is recorded as. */
    public static final String OPEN_FOR_WRITING = "open:write";

    private Capabilities() {
    }

    /**
     * Tells whether a class name is a cataloged built-in tool.
     *
     * @param name the class name
     * @return true when cataloged
     */
    public static boolean isBuiltin(String name) {
        return BUILTINS.containsKey(name);
    }

    /**
     * Returns the profile of a cataloged built-in tool, or null.
     *
     * @param name the class name
     * @return the profile or null
     */
    public static Profile builtin(String name) {
        Entry e = BUILTINS.get(name);
        if (e == null) {
            return null;
        }
        return new Profile(e.capabilities(), e.store() != null && !e.capabilities().contains(Capability.DESTRUCTIVE)
                ? Set.of(e.store()) : Set.of(),
                e.store() != null && e.capabilities().contains(Capability.DESTRUCTIVE) ? Set.of(e.store()) : Set.of(),
                e.service() != null ? Set.of(e.service()) : Set.of());
    }

    /** boto3 calls that build a client or handle and use no store by themselves. */
    private static final Set<String> BOTO3_CONSTRUCTORS = Set.of("client", "resource", "session", "bucket",
            "object");

    /** The store operation of a boto3 call chain (lower case), or null when the chain only builds a client. */
    private static String boto3Operation(String call) {
        String[] parts = call.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if (!BOTO3_CONSTRUCTORS.contains(parts[i])) {
                return parts[i];
            }
        }
        return null;
    }

    /**
     * Classifies a custom tool from the qualified names of the calls its body makes and the string literals it
     * contains (SQL verbs); when the body shows no capability at all (an empty body, or calls through wrappers the
     * scanner does not know), the tool's name decides instead ({@link #fromName(String)}).
     *
     * @param name the tool name
     * @param calls qualified callee names in the body, such as {@code requests.post} or {@code open}
     * @param strings string literals in the body
     * @return the profile
     */
    public static Profile fromBody(String name, List<String> calls, List<String> strings) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        boolean sqlDriver = false;
        boolean boto3Use = false;
        boolean boto3Delete = false;
        for (String raw : calls) {
            String call = raw.toLowerCase(Locale.ROOT);
            String top = call.contains(".") ? call.substring(0, call.indexOf('.')) : call;
            String last = call.substring(call.lastIndexOf('.') + 1);
            switch (top) {
                case "requests", "httpx", "aiohttp", "urllib", "urllib3", "http" -> {
                    caps.add(Capability.OUTBOUND);
                    services.add("http");
                }
                case "smtplib", "sendgrid", "yagmail" -> {
                    caps.add(Capability.OUTBOUND);
                    services.add("email");
                }
                case "slack_sdk", "twilio", "discord", "telegram" -> {
                    caps.add(Capability.OUTBOUND);
                    services.add("chat");
                }
                case "subprocess" -> caps.add(Capability.CODE_EXEC);
                case "sqlite3", "psycopg2", "psycopg", "pymysql", "mysql", "sqlalchemy", "duckdb" -> sqlDriver = true;
                case "pymongo", "motor" -> {
                    caps.add(Capability.DATA_ACCESS);
                    reads.add("document_store");
                }
                case "redis" -> {
                    caps.add(Capability.DATA_ACCESS);
                    reads.add("key_value_store");
                }
                case "boto3" -> {
                    // the operation is the first name after the client/resource/session constructors (a method
                    // of the operation's response, boto3.client.delete_objects.get, is no second operation); a
                    // delete is a write only
                    String op = boto3Operation(call);
                    if (op != null && op.startsWith("delete_")) {
                        boto3Delete = true;
                    } else if (op != null) {
                        boto3Use = true;
                    }
                }
                case "chromadb", "pinecone", "faiss", "qdrant_client", "weaviate" -> {
                    caps.add(Capability.DATA_ACCESS);
                    reads.add("vector_store");
                }
                case "pandas", "pd" -> {
                    if (last.startsWith("read_")) {
                        caps.add(Capability.DATA_ACCESS);
                        reads.add(last.contains("sql") ? "sql_database" : "filesystem");
                    }
                }
                case "stripe", "paypalrestsdk", "braintree", "plaid" -> {
                    caps.add(Capability.FINANCIAL);
                    services.add("payment_api");
                }
                default -> {
                }
            }
            switch (call) {
                case "os.system", "os.popen", "exec", "eval", "os.execv", "os.spawnl" -> caps.add(Capability.CODE_EXEC);
                case "os.remove", "os.unlink", "os.rmdir", "shutil.rmtree", "os.removedirs" -> {
                    caps.add(Capability.DESTRUCTIVE);
                    writes.add("filesystem");
                }
                case OPEN_FOR_WRITING -> {
                    caps.add(Capability.DESTRUCTIVE);
                    writes.add("filesystem");
                }
                case "open", "os.listdir", "os.walk", "glob.glob" -> {
                    caps.add(Capability.DATA_ACCESS);
                    reads.add("filesystem");
                }
                default -> {
                }
            }
            if (last.equals("read_text") || last.equals("read_bytes")) {
                caps.add(Capability.DATA_ACCESS);
                reads.add("filesystem");
            }
            if (last.equals("unlink") || last.equals("rmtree") || last.equals("delete_object")
                    || last.equals("delete_objects") || last.equals("delete_many") || last.equals("delete_one")) {
                caps.add(Capability.DESTRUCTIVE);
                writes.add(top.equals("boto3") || last.startsWith("delete_object") ? "object_storage"
                        : last.startsWith("delete_") ? "document_store" : "filesystem");
            }
            if (last.equals("write_text") || last.equals("write_bytes")) {
                caps.add(Capability.DESTRUCTIVE);
                writes.add("filesystem");
            }
        }
        // boto3 reads the store unless every call on it deletes (delete_object(s) alone lists nothing)
        if (boto3Use || calls.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).startsWith("boto3")) && !boto3Delete) {
            caps.add(Capability.DATA_ACCESS);
            reads.add("object_storage");
        }
        boolean sqlWrite = false;
        boolean sqlRead = false;
        for (String s : strings) {
            String sql = s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (sql.startsWith("delete from ") || sql.startsWith("drop table ") || sql.startsWith("truncate ")
                    || sql.matches("^update \\S+ set .*")) {
                caps.add(Capability.DESTRUCTIVE);
                writes.add("sql_database");
                sqlWrite = true;
            } else if (sql.matches("^select .* from .*")) {
                sqlRead = true;
            } else if (sql.matches("^(insert|replace|upsert)( or \\w+)? into \\S+.*") || sql.matches("^merge into .*")) {
                // a row write, not a deletion: writes the database; the driver still reads (below)
                writes.add("sql_database");
            }
        }
        // a database driver call reads, unless every SQL literal of the body is a delete/update (then the
        // SQL text is the better evidence, as write-mode open() is for files)
        if (sqlRead || sqlDriver && !sqlWrite) {
            caps.add(Capability.DATA_ACCESS);
            reads.add("sql_database");
        }
        if (caps.isEmpty()) {
            return fromName(name);
        }
        return new Profile(caps, reads, writes, services);
    }

    /**
     * Classifies a tool by the tokens of its name (camelCase, snake_case, kebab-case and spaces split).
     *
     * @param name the tool name
     * @return the profile
     */
    public static Profile fromName(String name) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        List<String> tokens = tokens(name);
        boolean genericOutbound = false;
        for (String t : tokens) {
            if (t.startsWith("search") || t.equals("web") || t.startsWith("scrap") || t.startsWith("crawl")
                    || t.equals("http") || t.equals("url") || t.startsWith("browse") || t.equals("google")
                    || t.equals("internet") || t.equals("serpapi") || t.equals("serper") || t.equals("tavily")
                    || t.equals("wikipedia") || t.equals("arxiv") || t.equals("ddg") || t.equals("duckduckgo")
                    || t.equals("bing") || t.equals("requests")) {
                caps.add(Capability.OUTBOUND);
                services.add(t.startsWith("search") || t.equals("google") || t.startsWith("serp")
                        || t.equals("tavily") || t.equals("ddg") || t.equals("duckduckgo") || t.equals("bing")
                        ? "web_search" : t.equals("http") || t.equals("requests") ? "http" : "web");
            }
            if (t.equals("email") || t.equals("mail") || t.equals("gmail") || t.equals("smtp")) {
                caps.add(Capability.OUTBOUND);
                services.add("email");
            }
            if (t.equals("slack") || t.equals("discord") || t.equals("teams") || t.equals("tweet")
                    || t.equals("twitter") || t.equals("notify") || t.equals("webhook") || t.equals("sms")) {
                caps.add(Capability.OUTBOUND);
                services.add("chat");
            }
            if (t.equals("send") || t.equals("post") || t.equals("publish") || t.equals("upload")) {
                caps.add(Capability.OUTBOUND);
                genericOutbound = true;
            }
            if (t.equals("read") || t.equals("file") || t.equals("files") || t.equals("directory") || t.equals("csv")
                    || t.equals("pdf") || t.equals("docx") || t.equals("txt") || t.equals("dir")) {
                caps.add(Capability.DATA_ACCESS);
                reads.add("filesystem");
            }
            if (t.equals("sql") || t.equals("db") || t.equals("database") || t.equals("query") || t.equals("postgres")
                    || t.equals("mysql") || t.equals("customer") || t.equals("customers") || t.equals("crm")
                    || t.equals("records")) {
                caps.add(Capability.DATA_ACCESS);
                reads.add("sql_database");
            }
            if (t.equals("rag") || t.equals("vector") || t.equals("retriever") || t.equals("retrieve")
                    || t.equals("knowledge") || t.equals("docs") || t.equals("embedding")) {
                caps.add(Capability.DATA_ACCESS);
                reads.add("vector_store");
            }
            if (t.equals("python") || t.equals("repl") || t.equals("exec") || t.equals("execute") || t.equals("shell")
                    || t.equals("bash") || t.equals("interpreter") || t.equals("terminal") || t.equals("command")) {
                caps.add(Capability.CODE_EXEC);
            }
            if (t.equals("delete") || t.equals("drop") || t.equals("remove") || t.equals("truncate") || t.equals("wipe")
                    || t.equals("destroy") || t.equals("purge") || t.equals("overwrite") || t.equals("write")) {
                caps.add(Capability.DESTRUCTIVE);
                writes.add(reads.contains("sql_database") || tokens.contains("db") || tokens.contains("database")
                        || tokens.contains("record") || tokens.contains("records") ? "sql_database" : "filesystem");
            }
            if (t.equals("pay") || t.equals("payment") || t.equals("payments") || t.equals("stripe")
                    || t.equals("invoice") || t.equals("refund") || t.equals("transfer") || t.equals("charge")
                    || t.equals("billing") || t.equals("wallet") || t.equals("trade")) {
                caps.add(Capability.FINANCIAL);
                services.add("payment_api");
            }
        }
        if (genericOutbound && services.isEmpty()) {
            // a generic verb names a service only when no token named a specific one, wherever it stands
            services.add("external_api");
        }
        return new Profile(caps, reads, writes, services);
    }

    /**
     * Splits a name into lower-case tokens at case changes, digits, '_', '-', '.' and spaces.
     *
     * @param name the name
     * @return the tokens
     */
    public static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean sep = !Character.isLetter(c);
            boolean boundary = Character.isUpperCase(c) && Character.isLowerCase(prev)
                    || Character.isUpperCase(c) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                    && Character.isUpperCase(prev);
            if (sep || boundary) {
                if (cur.length() > 0) {
                    out.add(cur.toString().toLowerCase(Locale.ROOT));
                    cur.setLength(0);
                }
            }
            if (!sep) {
                cur.append(c);
            }
            prev = c;
        }
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
