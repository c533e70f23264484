package dev.vulcan.sot.models;

import dev.vulcan.sot.SotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * Builds the models of a {@link ModelProject} in dependency order and runs its data tests. Each model is built in its
 * own transaction; a model whose SQL fails is reported with its error and every model and test depending on it is
 * skipped, the others go on.
 *
 * <p>On a DuckDB connection the work runs on up to {@link #WORKERS} connections (the given one and duplicates of
 * it, same database): a model is built as soon as every model it references has been built, on whichever
 * connection is free, and the data tests (read-only) run at once after the last model. Results
 * keep the project's order, and a model is built or skipped exactly as a one-by-one run in project order would: a
 * reference to a model that comes later in the project counts as not built. On any other connection everything
 * runs on that connection, one statement at a time.
 */
public final class ModelRunner {

    /** The most connections building models or running tests at once. */
    static final int WORKERS = 2;

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
     * @return the results, in project order
     * @throws dev.vulcan.sot.SotException if a worker connection cannot be opened, the catalog cannot be read or the
     *     run is interrupted; an unexpected runtime failure of a worker is thrown as it was thrown
     */
    public ModelRunReport run(Map<String, String> vars) {
        Objects.requireNonNull(vars, "vars");
        List<Connection> connections = new ArrayList<>();
        connections.add(connection);
        ExecutorService pool = null;
        try {
            int workers = Math.min(WORKERS, Runtime.getRuntime().availableProcessors());
            if (connection instanceof DuckDBConnection duck && workers > 1) {
                for (int i = 1; i < workers; i++) {
                    connections.add(duck.duplicate());
                }
                AtomicInteger counter = new AtomicInteger();
                pool = Executors.newFixedThreadPool(connections.size(), runnable -> {
                    Thread thread = new Thread(runnable, "vulcan-sot-models-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            Catalog catalog;
            try {
                catalog = Catalog.read(connection);
            } catch (SQLException e) {
                throw new SotException("cannot read the catalog for the models: " + e.getMessage(), e);
            }
            return run(vars, connections, pool, catalog);
        } catch (SQLException e) {
            throw new SotException("cannot open a connection for the models: " + e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            for (Connection extra : connections.subList(1, connections.size())) {
                try {
                    extra.close();
                } catch (SQLException e) {
                    // A duplicate connection that fails to close holds nothing the results depend on.
                }
            }
        }
    }

    private ModelRunReport run(Map<String, String> vars, List<Connection> connections, ExecutorService pool,
            Catalog catalog) {
        List<Model> models = project.models();
        ModelResult[] modelResults = new ModelGraph(models, vars, catalog).build(connections, pool);
        Set<String> built = new HashSet<>();
        for (ModelResult result : modelResults) {
            if (result.status() == RunStatus.SUCCESS) {
                built.add(result.name());
            }
        }
        List<DataTest> tests = project.tests();
        DataTestResult[] testResults = new DataTestResult[tests.size()];
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            DataTest test = tests.get(i);
            String missing = test.models().stream().filter(r -> !built.contains(r)).findFirst().orElse(null);
            if (missing != null) {
                testResults[i] = new DataTestResult(test.name(), RunStatus.SKIPPED, 0,
                        "skipped: model " + missing + " was not built");
            } else {
                toRun.add(i);
            }
        }
        forEach(toRun, connections, pool, (i, c) -> {
            DataTest test = tests.get(i);
            try {
                long failing = count(c, "SELECT count(*) FROM (" + testSql(c, test, vars, catalog) + ") failing_rows");
                testResults[i] = failing == 0 ? new DataTestResult(test.name(), RunStatus.SUCCESS, 0, null)
                        : new DataTestResult(test.name(), RunStatus.FAIL, failing,
                                "test " + test.name() + " failed: " + failing + " failing row(s)");
            } catch (SQLException | IllegalArgumentException e) {
                testResults[i] = new DataTestResult(test.name(), RunStatus.ERROR, 0,
                        "test " + test.name() + " errored: " + e.getMessage());
            }
        });
        return new ModelRunReport(Arrays.asList(modelResults), Arrays.asList(testResults));
    }

    /** One unit of work on a given connection. */
    private interface Work {
        void run(int index, Connection connection);
    }

    /**
     * Runs the work of every index: on the calling thread and connection without a pool; else each connection on
     * its own worker takes the next index until none is left. A worker's unexpected failure is thrown here.
     */
    private static void forEach(List<Integer> indexes, List<Connection> connections, ExecutorService pool, Work work) {
        if (pool == null || indexes.size() < 2) {
            for (int i : indexes) {
                work.run(i, connections.get(0));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (Connection c : connections.subList(0, Math.min(connections.size(), indexes.size()))) {
            workers.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < indexes.size(); k = next.getAndIncrement()) {
                    work.run(indexes.get(k), c);
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SotException("building the models was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new SotException("building the models failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private Long build(Connection connection, Model model, Map<String, String> vars, Catalog catalog)
            throws SQLException {
        String sql = project.render(model.sql(), vars).strip();
        String name = "\"" + model.name() + "\"";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            switch (model.materialization()) {
                case VIEW -> {
                    dropIfOtherKind(connection, catalog, model.name(), Catalog.TABLE, "TABLE");
                    exec(connection, "CREATE OR REPLACE VIEW " + name + " AS " + sql);
                }
                case TABLE -> {
                    dropIfOtherKind(connection, catalog, model.name(), Catalog.VIEW, "VIEW");
                    exec(connection, "CREATE OR REPLACE TABLE " + name + " AS " + sql);
                }
                case INCREMENTAL -> {
                    dropIfOtherKind(connection, catalog, model.name(), Catalog.VIEW, "VIEW");
                    if (!catalog.is(model.name(), Catalog.TABLE)) {
                        exec(connection, "CREATE TABLE " + name + " AS " + sql);
                    } else {
                        String key = "\"" + model.uniqueKey() + "\"";
                        String keyValue = vars.get(model.uniqueKey());
                        // new columns first: DuckDB refuses to commit a transaction that altered a table after
                        // deleting from it
                        if (keyValue != null) {
                            // the increment is the key's value (the run): its rows are replaced, and the query
                            // runs once, straight into the table
                            addNewColumns(connection, model.name(), sql);
                            try (PreparedStatement delete = connection.prepareStatement(
                                    "DELETE FROM " + name + " WHERE CAST(" + key + " AS VARCHAR) = ?")) {
                                delete.setString(1, keyValue);
                                delete.executeUpdate();
                            }
                            exec(connection, "INSERT INTO " + name + " BY NAME " + sql);
                        } else {
                            exec(connection, "CREATE OR REPLACE TEMP TABLE __vulcan_increment AS " + sql);
                            addNewColumns(connection, model.name(), "SELECT * FROM __vulcan_increment");
                            exec(connection, "DELETE FROM " + name + " WHERE " + key + " IN (SELECT " + key
                                    + " FROM __vulcan_increment)");
                            exec(connection, "INSERT INTO " + name + " BY NAME SELECT * FROM __vulcan_increment");
                            exec(connection, "DROP TABLE __vulcan_increment");
                        }
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
        catalog.built(connection, model.name(),
                model.materialization() == Materialization.VIEW ? Catalog.VIEW : Catalog.TABLE);
        if (model.materialization() == Materialization.VIEW) {
            return null;
        }
        String runId = vars.get("run_id");
        if (runId != null && catalog.hasRunId(connection, model.name())) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM " + name + " WHERE CAST(run_id AS VARCHAR) = ?")) {
                statement.setString(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        return count(connection, "SELECT count(*) FROM " + name);
    }

    private String testSql(Connection connection, DataTest test, Map<String, String> vars, Catalog catalog)
            throws SQLException {
        String sql = test.sql();
        if (test.generic()) {
            String runId = vars.get("run_id");
            boolean scoped = runId != null && catalog.hasRunId(connection, test.models().get(0));
            sql = sql.replace("{scope}", scoped ? "CAST(t.run_id AS VARCHAR) = '{{ var('run_id') }}'" : "TRUE");
            boolean parentScoped = scoped && test.models().size() > 1
                    && catalog.hasRunId(connection, test.models().get(1));
            sql = sql.replace("{parent_scope}", parentScoped ? "AND p.run_id = t.run_id" : "");
        }
        return project.render(sql, vars).strip().replaceAll(";\\s*$", "");
    }

    /**
     * Adds to an incremental table the columns a newer version of its model selects (older runs get NULL), from
     * {@code DESCRIBE} of the table and of the increment's query (planned, not run: no catalog query per model).
     */
    private static void addNewColumns(Connection connection, String table, String increment) throws SQLException {
        Map<String, String> existing = describe(connection, "\"" + table + "\"");
        List<String> alters = new ArrayList<>();
        for (Map.Entry<String, String> column : describe(connection, increment).entrySet()) {
            if (!existing.containsKey(column.getKey())) {
                alters.add("ALTER TABLE \"" + table + "\" ADD COLUMN \"" + column.getKey().replace("\"", "\"\"")
                        + "\" " + column.getValue());
            }
        }
        for (String alter : alters) {
            exec(connection, alter);
        }
    }

    /** The columns of a relation or query, name to type, in order. */
    private static Map<String, String> describe(Connection connection, String relation) throws SQLException {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("DESCRIBE " + relation)) {
            while (rs.next()) {
                columns.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return columns;
    }

    private static void dropIfOtherKind(Connection connection, Catalog catalog, String table, String otherType,
            String keyword) throws SQLException {
        if (catalog.is(table, otherType)) {
            exec(connection, "DROP " + keyword + " \"" + table + "\"");
        }
    }

    private static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The models' dependency graph and its execution. A model depends on the models it references that come before
     * it in the project; once each of those has been built or has failed, the model is built if all of them were
     * built, and skipped (naming the first reference not built, in reference order) otherwise — exactly as a
     * one-by-one run in project order, where a reference to a later or unknown model counts as not built. With a
     * pool, each model is built as soon as its dependencies are done (no waiting for a whole dependency level), on
     * whichever connection is free; without one, in project order on the first connection.
     */
    private final class ModelGraph {

        private final List<Model> models;
        private final Map<String, String> vars;
        private final Catalog catalog;
        private final Map<String, Integer> position = new HashMap<>();
        private final ModelResult[] results;
        private final int[] waitingFor;
        private final List<List<Integer>> dependents = new ArrayList<>();
        private final AtomicReference<Throwable> unexpected = new AtomicReference<>();

        ModelGraph(List<Model> models, Map<String, String> vars, Catalog catalog) {
            this.models = models;
            this.vars = vars;
            this.catalog = catalog;
            this.results = new ModelResult[models.size()];
            this.waitingFor = new int[models.size()];
            for (int i = 0; i < models.size(); i++) {
                position.putIfAbsent(models.get(i).name(), i);
                dependents.add(new ArrayList<>());
            }
            for (int i = 0; i < models.size(); i++) {
                Set<Integer> earlier = new HashSet<>();
                for (String ref : models.get(i).refs()) {
                    Integer at = position.get(ref);
                    if (at != null && at < i && earlier.add(at)) {
                        dependents.get(at).add(i);
                    }
                }
                waitingFor[i] = earlier.size();
            }
        }

        ModelResult[] build(List<Connection> connections, ExecutorService pool) {
            if (pool == null) {
                for (int i = 0; i < models.size(); i++) {
                    buildOrSkip(i, connections.get(0));
                }
                return results;
            }
            BlockingQueue<Connection> free = new ArrayBlockingQueue<>(connections.size(), false, connections);
            CountDownLatch done = new CountDownLatch(models.size());
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                if (waitingFor[i] == 0) {
                    ready.add(i);
                }
            }
            ready.forEach(i -> submit(i, pool, free, done));
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SotException("building the models was interrupted", e);
            }
            Throwable failure = unexpected.get();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return results;
        }

        private void submit(int i, ExecutorService pool, BlockingQueue<Connection> free, CountDownLatch done) {
            pool.execute(() -> {
                try {
                    if (unexpected.get() == null) {
                        Connection connection = free.take();
                        try {
                            buildOrSkip(i, connection);
                        } finally {
                            free.add(connection);
                        }
                    }
                } catch (InterruptedException e) {
                    unexpected.compareAndSet(null, new SotException("building the models was interrupted", e));
                } catch (RuntimeException | Error e) {
                    unexpected.compareAndSet(null, e);
                } finally {
                    List<Integer> next = new ArrayList<>();
                    synchronized (waitingFor) {
                        for (int d : dependents.get(i)) {
                            if (--waitingFor[d] == 0) {
                                next.add(d);
                            }
                        }
                    }
                    done.countDown();
                    next.forEach(d -> submit(d, pool, free, done));
                }
            });
        }

        /** Builds a model whose dependencies are done, or skips it when one was not built. */
        private void buildOrSkip(int i, Connection connection) {
            Model model = models.get(i);
            String missing = null;
            for (String ref : model.refs()) {
                Integer at = position.get(ref);
                boolean isBuilt = at != null && at < i && results[at] != null
                        && results[at].status() == RunStatus.SUCCESS;
                if (!isBuilt) {
                    missing = ref;
                    break;
                }
            }
            if (missing != null) {
                results[i] = new ModelResult(model.name(), model.materialization(), RunStatus.SKIPPED, null,
                        "skipped: upstream model " + missing + " was not built");
                return;
            }
            try {
                Long rows = ModelRunner.this.build(connection, model, vars, catalog);
                results[i] = new ModelResult(model.name(), model.materialization(), RunStatus.SUCCESS, rows, null);
            } catch (SQLException | IllegalArgumentException e) {
                results[i] = new ModelResult(model.name(), model.materialization(), RunStatus.ERROR, null,
                        "model " + model.name() + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * What the runner knows of the relations of schema {@code main}: each one's type ({@code BASE TABLE} or
     * {@code VIEW}) and whether it has a {@code run_id} column. Read once from {@code information_schema} before the
     * first model (two catalog queries instead of two to four per model and one or two per data test, each costing
     * milliseconds on a DuckDB file with a few hundred tables), then kept up to date as models are built: a built
     * model's columns are those of its result; a model that fails changes nothing (its transaction, drop included,
     * is rolled back). Safe for the workers' concurrent use.
     */
    private static final class Catalog {

        static final String TABLE = "BASE TABLE";
        static final String VIEW = "VIEW";
        private static final String ABSENT = "";

        private final Map<String, String> types = new ConcurrentHashMap<>();
        private final Map<String, Boolean> runScoped = new ConcurrentHashMap<>();

        static Catalog read(Connection connection) throws SQLException {
            Catalog catalog = new Catalog();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT t.table_name, t.table_type, EXISTS (SELECT 1"
                            + " FROM information_schema.columns c WHERE c.table_schema = 'main'"
                            + " AND c.table_name = t.table_name AND c.column_name = 'run_id')"
                            + " FROM information_schema.tables t WHERE t.table_schema = 'main'")) {
                while (rs.next()) {
                    catalog.types.put(rs.getString(1), rs.getString(2));
                    catalog.runScoped.put(rs.getString(1), rs.getBoolean(3));
                }
            }
            return catalog;
        }

        boolean is(String table, String type) {
            return type.equals(types.getOrDefault(table, ABSENT));
        }

        /** Whether the relation has a {@code run_id} column; a name not known yet is looked up. */
        boolean hasRunId(Connection connection, String table) throws SQLException {
            Boolean known = runScoped.get(table);
            if (known != null) {
                return known;
            }
            boolean found;
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM"
                    + " information_schema.columns WHERE table_schema = 'main' AND table_name = ?"
                    + " AND column_name = 'run_id'")) {
                statement.setString(1, table);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    found = rs.getLong(1) > 0;
                }
            }
            runScoped.put(table, found);
            return found;
        }

        /**
         * Records a model just built: its type, and its columns from an empty read of it. The model is committed
         * already, so a failed read only leaves its columns unknown ({@link #hasRunId} then looks them up).
         */
        void built(Connection connection, String table, String type) {
            types.put(table, type);
            boolean found = false;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\" LIMIT 0")) {
                ResultSetMetaData columns = rs.getMetaData();
                for (int i = 1; i <= columns.getColumnCount() && !found; i++) {
                    found = "run_id".equals(columns.getColumnName(i));
                }
            } catch (SQLException e) {
                runScoped.remove(table);
                return;
            }
            runScoped.put(table, found);
        }
    }
}
