package dev.vulcan.sot.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Turns the generic tests declared on model columns in {@code models/*.yml} ({@code data_tests:} or
 * {@code tests:}) into SQL returning the failing rows. Tests of a model with a {@code run_id} column are scoped
 * to {@code {{ var('run_id') }}} by the runner, so marts that keep every run are tested one run at a time.
 */
final class GenericTests {

    private static final Pattern REF_ARG = Pattern.compile("ref\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private GenericTests() {
    }

    static List<DataTest> of(JsonNode model, Set<String> models, Path file) {
        String name = model.path("name").asString();
        if (!models.contains(name)) {
            throw new IllegalArgumentException(file + ": tests declared for unknown model '" + name + "'");
        }
        List<DataTest> tests = new ArrayList<>();
        for (JsonNode column : ModelProject.iterable(model.path("columns"))) {
            String col = identifier(column.path("name").asString(), file);
            JsonNode declared = column.has("data_tests") ? column.get("data_tests") : column.path("tests");
            for (JsonNode test : ModelProject.iterable(declared)) {
                tests.add(test(name, col, test, file));
            }
        }
        return tests;
    }

    private static DataTest test(String model, String column, JsonNode test, Path file) {
        String m = "{{ ref('" + model + "') }}";
        if (test.isString()) {
            return switch (test.asString()) {
                case "not_null" -> new DataTest("not_null_" + model + "_" + column,
                        "SELECT " + column + " FROM " + m + " t WHERE {scope} AND " + column + " IS NULL",
                        List.of(model), true);
                case "unique" -> new DataTest("unique_" + model + "_" + column,
                        "SELECT " + column + " FROM " + m + " t WHERE {scope} AND " + column + " IS NOT NULL"
                                + " GROUP BY " + column + " HAVING count(*) > 1", List.of(model), true);
                default -> throw new IllegalArgumentException(file + ": unsupported test '" + test.asString()
                        + "' on " + model + "." + column);
            };
        }
        if (test.has("accepted_values")) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : ModelProject.iterable(test.get("accepted_values").path("values"))) {
                values.add("'" + value.asString().replace("'", "''") + "'");
            }
            return new DataTest("accepted_values_" + model + "_" + column,
                    "SELECT " + column + " FROM " + m + " t WHERE {scope} AND " + column + " IS NOT NULL AND "
                            + column + " NOT IN (" + values.stream().collect(Collectors.joining(", ")) + ")",
                    List.of(model), true);
        }
        if (test.has("relationships")) {
            JsonNode rel = test.get("relationships");
            Matcher to = REF_ARG.matcher(rel.path("to").asString());
            if (!to.matches()) {
                throw new IllegalArgumentException(file + ": relationships.to must be ref('model') on " + model);
            }
            String parent = to.group(1);
            String field = identifier(rel.path("field").asString(), file);
            return new DataTest("relationships_" + model + "_" + column + "__" + field + "__" + parent,
                    "SELECT " + column + " FROM " + m + " t WHERE {scope} AND " + column + " IS NOT NULL"
                            + " AND NOT EXISTS (SELECT 1 FROM {{ ref('" + parent + "') }} p WHERE p." + field
                            + " = t." + column + " {parent_scope})", List.of(model, parent), true);
        }
        throw new IllegalArgumentException(file + ": unsupported test " + test + " on " + model + "." + column);
    }

    private static String identifier(String name, Path file) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(file + ": invalid column name '" + name + "'");
        }
        return name;
    }
}
