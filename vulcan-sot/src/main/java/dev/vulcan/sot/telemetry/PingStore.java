package dev.vulcan.sot.telemetry;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.internal.Sql;
import dev.vulcan.sot.telemetry.internal.PingLanding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The telemetry side of the source of truth: lands telemetry pings ({@code pings.jsonl} of a fleet batch) in a
 * DuckDB file and answers the analysis views ({@link PingView}). The only writer of the {@code tel_*} tables.
 *
 * <p>Import: each non-blank line must be a JSON object valid against {@value #PING_SCHEMA} (validated with the
 * shared {@link SchemaValidator}); a bad line is a {@link PingRejection} and the import goes on; a ping whose
 * {@code scan_id} is already present is skipped as a duplicate. The landed pings of one import are one
 * transaction: a database failure keeps none of them. One row per ping in {@code tel_pings} (nested objects
 * flattened to {@code <object>_<field>} columns, {@code finding_severities} to
 * {@code finding_severities_<severity>}, the two distributions as JSON text), and child rows in
 * {@code tel_ping_rules}, {@code tel_ping_frameworks}, {@code tel_ping_providers},
 * {@code tel_ping_capabilities} and {@code tel_ping_rule_pairs}.
 *
 * <p>Not thread-safe beyond its {@code synchronized} methods; one store per DuckDB file per process.
 */
public final class PingStore implements AutoCloseable {

    /** The schema every ping must satisfy. */
    public static final String PING_SCHEMA = "https://vulcan.dev/schemas/telemetry-ping/v3.json";
    /** The longest line accepted, in characters (a ping is a few KiB; longer lines are rejected unread). */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final DuckDBConnection connection;
    private final Clock clock;

    private PingStore(DuckDBConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Opens (creating when missing) a DuckDB file and its telemetry tables and views.
     *
     * @param dbFile the database file
     * @return the store
     * @throws SotException if the database cannot be opened or the tables created
     */
    public static PingStore open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /**
     * Opens a store with a clock for {@code imported_at}.
     *
     * @param dbFile the database file
     * @param clock the clock
     * @return the store
     * @throws SotException if the database cannot be opened or the tables created
     */
    public static PingStore open(Path dbFile, Clock clock) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(clock, "clock");
        Path absolute = dbFile.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + absolute);
            try (Statement s = connection.createStatement()) {
                s.execute(resource("tables.sql"));
                s.execute(resource("views.sql"));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new PingStore(connection, clock);
        } catch (SQLException e) {
            throw new SotException("cannot open the telemetry database " + absolute + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SotException("cannot create the folder of " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports a {@code pings.jsonl} file.
     *
     * @param pingsFile the JSON Lines file
     * @return what was imported, skipped and rejected
     * @throws IllegalArgumentException if the file is not a regular file (a symbolic link is refused) or is not
     *     UTF-8
     * @throws SotException if reading the file or writing the database fails (nothing of this import is kept)
     */
    public synchronized PingImportReport importPings(Path pingsFile) {
        Objects.requireNonNull(pingsFile, "pingsFile");
        if (!Files.isRegularFile(pingsFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(pingsFile + ": not a regular file");
        }
        long t0 = System.nanoTime();
        SchemaValidator validator = SchemaValidator.shared();
        Set<String> seen = existingScanIds();
        int lines = 0;
        int imported = 0;
        int duplicates = 0;
        int rejected = 0;
        List<PingRejection> rejections = new ArrayList<>();
        LocalDateTime importedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            connection.setAutoCommit(false);
            try (InputStream in = Files.newInputStream(pingsFile);
                    BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in,
                            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
                    PingLanding landing = new PingLanding(connection, importedAt)) {
                long lineNo = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    lines++;
                    String problem = null;
                    JsonNode ping = null;
                    if (line.length() > MAX_LINE_CHARS) {
                        problem = "line longer than " + MAX_LINE_CHARS + " characters";
                    } else {
                        try {
                            ping = Json.mapper().readTree(line);
                            if (ping == null || !ping.isObject()) {
                                problem = "not a JSON object";
                            } else {
                                List<SchemaProblem> problems = validator.validate(PING_SCHEMA, ping);
                                if (!problems.isEmpty()) {
                                    problem = "invalid against " + PING_SCHEMA + ": " + problems.stream().limit(3)
                                            .map(Object::toString).collect(Collectors.joining("; "));
                                }
                            }
                        } catch (JacksonException e) {
                            problem = "not JSON: " + e.getOriginalMessage();
                        }
                    }
                    if (problem != null) {
                        rejected++;
                        if (rejections.size() < PingImportReport.MAX_REJECTIONS) {
                            rejections.add(new PingRejection(lineNo, problem));
                        }
                        continue;
                    }
                    if (!seen.add(ping.get("scan_id").asString())) {
                        duplicates++;
                        continue;
                    }
                    landing.append(ping);
                    imported++;
                }
            }
            connection.commit();
        } catch (java.nio.charset.CharacterCodingException e) {
            rollback();
            throw new IllegalArgumentException(pingsFile + ": not UTF-8: " + e.getMessage(), e);
        } catch (IOException e) {
            rollback();
            throw new SotException("cannot read " + pingsFile + ": " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new SotException("landing the pings of " + pingsFile + " failed, nothing was kept: "
                    + e.getMessage(), e);
        } finally {
            autoCommit();
        }
        return new PingImportReport(lines, imported, duplicates, rejected, rejections,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Returns every row of an analysis view, in a stable order (by every column).
     *
     * @param view the view
     * @return the rows
     * @throws SotException if the query fails
     */
    public synchronized List<Map<String, Object>> view(PingView view) {
        Objects.requireNonNull(view, "view");
        return query("SELECT * FROM " + view.viewName() + " ORDER BY ALL");
    }

    /**
     * Runs a read-only query (in a transaction that is always rolled back).
     *
     * @param sql the query
     * @param params its parameters
     * @return the rows, each a map from column label to value, in column order
     * @throws SotException if the query fails
     */
    public synchronized List<Map<String, Object>> query(String sql, Object... params) {
        Objects.requireNonNull(sql, "sql");
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = Sql.prepare(connection, sql, params);
                    ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(Collections.unmodifiableMap(row));
                }
                return List.copyOf(rows);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.failure("telemetry query failed", e);
        }
    }

    private Set<String> existingScanIds() {
        Set<String> ids = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT scan_id FROM tel_pings")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read the imported scan ids", e);
        }
        return ids;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The transaction is gone with the failed statement; nothing more to undo.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw Sql.failure("cannot restore auto-commit", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PingStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource dev/vulcan/sot/telemetry/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Closes the database.
     *
     * @throws SotException if closing fails
     */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw Sql.failure("cannot close the telemetry database", e);
        }
    }
}
