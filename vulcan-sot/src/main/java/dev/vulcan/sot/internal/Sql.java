package dev.vulcan.sot.internal;

import dev.vulcan.sot.SotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Small JDBC helpers of the engine: statements, single values, UTC timestamps, run-scoped SQL. */
public final class Sql {

    private Sql() {
    }

    /**
     * Replaces {@code {run_id}} by the run's UUID (a UUID cannot inject SQL).
     *
     * @param sql the query
     * @param runId the run
     * @return the query scoped to the run
     */
    public static String forRun(String sql, UUID runId) {
        return sql.replace("{run_id}", Objects.requireNonNull(runId, "runId").toString());
    }

    /**
     * Executes one statement.
     *
     * @param connection the connection
     * @param sql the statement
     * @throws SQLException if it fails
     */
    public static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Executes every statement of a script, split at semicolons that end a line; {@code --} comment lines are
     * dropped.
     *
     * @param connection the connection
     * @param script the script
     * @throws SQLException if a statement fails
     */
    public static void script(Connection connection, String script) throws SQLException {
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                exec(connection, current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            exec(connection, current.toString());
        }
    }

    /**
     * Runs a query with parameters and returns the first column of every row as strings.
     *
     * @param connection the connection
     * @param sql the query
     * @param params the parameters
     * @return the values, null for SQL NULL
     * @throws SQLException if it fails
     */
    public static List<String> strings(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /**
     * Runs a query that returns one number.
     *
     * @param connection the connection
     * @param sql the query
     * @param params the parameters
     * @return the value, or null when there is no row or it is NULL
     * @throws SQLException if it fails
     */
    public static Double number(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            double value = rs.getDouble(1);
            return rs.wasNull() ? null : value;
        }
    }

    /**
     * Runs a query that returns one count.
     *
     * @param connection the connection
     * @param sql the query
     * @param params the parameters
     * @return the count (0 when NULL or no row)
     * @throws SQLException if it fails
     */
    public static long count(Connection connection, String sql, Object... params) throws SQLException {
        Double value = number(connection, sql, params);
        return value == null ? 0 : value.longValue();
    }

    /**
     * Executes an update with parameters.
     *
     * @param connection the connection
     * @param sql the statement
     * @param params the parameters
     * @return the update count
     * @throws SQLException if it fails
     */
    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Prepares a statement and binds its parameters.
     *
     * @param connection the connection
     * @param sql the statement
     * @param params the parameters
     * @return the statement
     * @throws SQLException if it fails
     */
    public static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Converts an instant to the UTC TIMESTAMP the engine stores.
     *
     * @param instant the instant, or null
     * @return the timestamp, or null
     */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Converts a stored UTC TIMESTAMP back to an instant.
     *
     * @param timestamp the value, or null
     * @return the instant, or null
     */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /**
     * Wraps a JDBC failure in the engine's exception.
     *
     * @param what what was being done
     * @param e the failure
     * @return the exception to throw
     */
    public static SotException failure(String what, SQLException e) {
        return new SotException(what + ": " + e.getMessage(), e);
    }
}
