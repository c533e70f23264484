package dev.vulcan.sot.models;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the models of a {@link ModelProject} in dependency order and runs its data tests, on one DuckDB
 * connection. Each model is built in its own transaction; a model whose SQL fails is reported with its error and
 * every model and test depending on it is skipped, the others go on.
 */
public final class ModelRunner {

    private final Connection connection;
    private final ModelProject project;

    /**
     * Creates the runner.
     *
     * @param connection the connection (auto-commit on)
     * @param project the project
     */
    public ModelRunner(Connection connection, ModelProject project) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.project = Objects.requireNonNull(project, "project");
    }

    /**
     * Builds every model and runs every test.
     *
     * @param vars the variables models use through {@code {{ var('...') }}}, such as run_id
     * @return the results
     */
    public ModelRunReport run(Map<String, String> vars) {
        Objects.requireNonNull(vars, "vars");
        Set<String> built = new HashSet<>();
        List<ModelResult> models = new ArrayList<>();
        for (Model model : project.models()) {
            String missing = model.refs().stream().filter(r -> !built.contains(r)).findFirst().orElse(null);
            if (missing != null) {
                models.add(new ModelResult(model.name(), model.materialization(), RunStatus.SKIPPED, null,
                        "skipped: upstream model " + missing + " was not built"));
                continue;
            }
            try {
                Long rows = build(model, vars);
                built.add(model.name());
                models.add(new ModelResult(model.name(), model.materialization(), RunStatus.SUCCESS, rows, null));
            } catch (SQLException | IllegalArgumentException e) {
                models.add(new ModelResult(model.name(), model.materialization(), RunStatus.ERROR, null,
                        "model " + model.name() + " failed: " + e.getMessage()));
            }
        }
        List<DataTestResult> tests = new ArrayList<>();
        for (DataTest test : project.tests()) {
            String missing = test.models().stream().filter(r -> !built.contains(r)).findFirst().orElse(null);
            if (missing != null) {
                tests.add(new DataTestResult(test.name(), RunStatus.SKIPPED, 0,
                        "skipped: model " + missing + " was not built"));
                continue;
            }
            try {
                long failing = count("SELECT count(*) FROM (" + testSql(test, vars) + ") failing_rows");
                tests.add(failing == 0 ? new DataTestResult(test.name(), RunStatus.SUCCESS, 0, null)
                        : new DataTestResult(test.name(), RunStatus.FAIL, failing,
                                "test " + test.name() + " failed: " + failing + " failing row(s)"));
            } catch (SQLException | IllegalArgumentException e) {
                tests.add(new DataTestResult(test.name(), RunStatus.ERROR, 0,
                        "test " + test.name() + " errored: " + e.getMessage()));
            }
        }
        return new ModelRunReport(models, tests);
    }

    private Long build(Model model, Map<String, String> vars) throws SQLException {
        String sql = project.render(model.sql(), vars).strip();
        String name = "\"" + model.name() + "\"";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            switch (model.materialization()) {
                case VIEW -> {
                    dropIfOtherKind(model.name(), "BASE TABLE", "TABLE");
                    exec("CREATE OR REPLACE VIEW " + name + " AS " + sql);
                }
                case TABLE -> {
                    dropIfOtherKind(model.name(), "VIEW", "VIEW");
                    exec("CREATE OR REPLACE TABLE " + name + " AS " + sql);
                }
                case INCREMENTAL -> {
                    dropIfOtherKind(model.name(), "VIEW", "VIEW");
                    if (!exists(model.name(), "BASE TABLE")) {
                        exec("CREATE TABLE " + name + " AS " + sql);
                    } else {
                        String key = "\"" + model.uniqueKey() + "\"";
                        exec("CREATE OR REPLACE TEMP TABLE __vulcan_increment AS " + sql);
                        String keyValue = vars.get(model.uniqueKey());
                        if (keyValue != null) {
                            try (PreparedStatement delete = connection.prepareStatement(
                                    "DELETE FROM " + name + " WHERE CAST(" + key + " AS VARCHAR) = ?")) {
                                delete.setString(1, keyValue);
                                delete.executeUpdate();
                            }
                        } else {
                            exec("DELETE FROM " + name + " WHERE " + key + " IN (SELECT " + key
                                    + " FROM __vulcan_increment)");
                        }
                        addNewColumns(model.name());
                        exec("INSERT INTO " + name + " BY NAME SELECT * FROM __vulcan_increment");
                        exec("DROP TABLE __vulcan_increment");
                    }
                }
                default -> throw new IllegalStateException("unknown materialization " + model.materialization());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        if (model.materialization() == Materialization.VIEW) {
            return null;
        }
        String runId = vars.get("run_id");
        if (runId != null && hasColumn(model.name(), "run_id")) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM " + name + " WHERE CAST(run_id AS VARCHAR) = ?")) {
                statement.setString(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        return count("SELECT count(*) FROM " + name);
    }

    private String testSql(DataTest test, Map<String, String> vars) throws SQLException {
        String sql = test.sql();
        if (test.generic()) {
            String runId = vars.get("run_id");
            boolean scoped = runId != null && hasColumn(test.models().get(0), "run_id");
            sql = sql.replace("{scope}", scoped ? "CAST(t.run_id AS VARCHAR) = '{{ var('run_id') }}'" : "TRUE");
            boolean parentScoped = scoped && test.models().size() > 1 && hasColumn(test.models().get(1), "run_id");
            sql = sql.replace("{parent_scope}", parentScoped ? "AND p.run_id = t.run_id" : "");
        }
        return project.render(sql, vars).strip().replaceAll(";\\s*$", "");
    }

    /** Adds to an incremental table the columns a newer version of its model selects (older runs get NULL). */
    private void addNewColumns(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT n.column_name, n.data_type"
                + " FROM information_schema.columns n WHERE n.table_name = '__vulcan_increment'"
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = 'main'"
                + " AND o.table_name = ? AND o.column_name = n.column_name) ORDER BY n.ordinal_position")) {
            statement.setString(1, table);
            List<String> alters = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    alters.add("ALTER TABLE \"" + table + "\" ADD COLUMN \"" + rs.getString(1).replace("\"", "\"\"")
                            + "\" " + rs.getString(2));
                }
            }
            for (String alter : alters) {
                exec(alter);
            }
        }
    }

    private void dropIfOtherKind(String table, String otherType, String keyword) throws SQLException {
        if (exists(table, otherType)) {
            exec("DROP " + keyword + " \"" + table + "\"");
        }
    }

    private boolean exists(String table, String type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'main' AND table_name = ? AND table_type = ?")) {
            statement.setString(1, table);
            statement.setString(2, type);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = ? AND column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
