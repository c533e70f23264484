package dev.vulcan.core.eval.internal;

import dev.vulcan.core.eval.Comparison;
import dev.vulcan.core.eval.Expectation;
import dev.vulcan.core.eval.Outcome;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Looks up the value an expectation names in a tool's {@code data} (the lookup convention documented on
 * {@link dev.vulcan.core.eval.Scope}) and compares it (the rules documented on {@link Comparison}).
 */
public final class ExpectationChecker {

    private ExpectationChecker() {
    }

    /**
     * The outcome of one check.
     *
     * @param actual the value found, or null when missing
     * @param outcome pass, fail or error
     * @param detail why it failed or could not be checked, null when it passed
     */
    public record Check(JsonNode actual, Outcome outcome, String detail) {

        /**
         * Creates a check.
         *
         * @throws NullPointerException if the outcome is null
         */
        public Check {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Checks one expectation against a tool's data.
     *
     * @param expectation the expectation
     * @param data the tool's {@code data} object
     * @return the check
     */
    public static Check check(Expectation expectation, JsonNode data) {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(data, "data");
        Lookup lookup;
        try {
            lookup = lookup(expectation, data);
        } catch (IllegalArgumentException e) {
            return new Check(null, Outcome.ERROR, e.getMessage());
        }
        JsonNode actual = lookup.value == null || lookup.value.isMissingNode() || lookup.value.isNull()
                ? null : lookup.value;
        if (expectation.comparison() == Comparison.ABSENT) {
            return actual == null ? new Check(null, Outcome.PASS, null)
                    : new Check(actual, Outcome.FAIL, "expected no value, found one");
        }
        if (actual == null) {
            return new Check(null, Outcome.FAIL, lookup.missing);
        }
        return compare(expectation, actual);
    }

    private record Lookup(JsonNode value, String missing) {
    }

    private static Lookup lookup(Expectation e, JsonNode data) {
        return switch (e.scope()) {
            case REPO -> {
                if (!e.metric().startsWith("/")) {
                    throw new IllegalArgumentException("repo-scope metric must be a JSON pointer into data, such as "
                            + "/summary/total_files; got '" + e.metric() + "'");
                }
                yield new Lookup(data.at(pointer(e.metric())), "no value at data" + e.metric());
            }
            case FILE -> field(e, find(data.get("files"), "path", requirePath(e), null, null), "data.files[]");
            case DIRECTORY -> field(e, find(data.get("directories"), "path", requirePath(e), null, null),
                    "data.directories[]");
            case FUNCTION -> {
                JsonNode file = find(data.get("files"), "path", requirePath(e), null, null);
                if (file == null) {
                    yield new Lookup(null, "no element of data.files[] has path '" + e.path() + "'");
                }
                yield field(e, find(file.get("functions"), "name", requireName(e), null, null),
                        "functions[] of file '" + e.path() + "'");
            }
            case SYMBOL -> field(e, find(data.get("symbols"), "path", requirePath(e), "name", requireName(e)),
                    "data.symbols[]");
            case AUTHOR -> field(e, find(data.get("authors"), "name", requireName(e), null, null), "data.authors[]");
            case PAIR -> throw new IllegalArgumentException("scope 'pair' has no lookup convention");
        };
    }

    private static Lookup field(Expectation e, JsonNode element, String where) {
        if (element == null) {
            StringBuilder key = new StringBuilder();
            if (e.path() != null) {
                key.append(" path '").append(e.path()).append('\'');
            }
            if (e.name() != null && e.scope() != dev.vulcan.core.eval.Scope.FILE
                    && e.scope() != dev.vulcan.core.eval.Scope.DIRECTORY) {
                key.append(" name '").append(e.name()).append('\'');
            }
            return new Lookup(null, "no element of " + where + " has" + key);
        }
        JsonNode value = e.metric().startsWith("/") ? element.at(pointer(e.metric())) : element.get(e.metric());
        return new Lookup(value, "the element of " + where + " has no '" + e.metric() + "'");
    }

    private static JsonNode find(JsonNode array, String key, String value, String key2, String value2) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode element : array) {
            if (matches(element, key, value) && (key2 == null || matches(element, key2, value2))) {
                return element;
            }
        }
        return null;
    }

    private static boolean matches(JsonNode element, String key, String value) {
        JsonNode field = element.get(key);
        return field != null && field.isString() && field.asString().equals(value);
    }

    private static String requirePath(Expectation e) {
        if (e.path() == null) {
            throw new IllegalArgumentException("scope '" + e.scope().code() + "' needs a path");
        }
        return e.path();
    }

    private static String requireName(Expectation e) {
        if (e.name() == null) {
            throw new IllegalArgumentException("scope '" + e.scope().code() + "' needs a name");
        }
        return e.name();
    }

    private static JsonPointer pointer(String metric) {
        try {
            return JsonPointer.compile(metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metric '" + metric + "' is not a valid JSON pointer: " + e.getMessage(), e);
        }
    }

    private static Check compare(Expectation e, JsonNode actual) {
        JsonNode expected = e.expected();
        return switch (e.comparison()) {
            case EQUALS -> jsonEquals(actual, expected) ? pass(actual)
                    : new Check(actual, Outcome.FAIL, "differs from the expected value");
            case APPROX, AT_LEAST, AT_MOST -> numeric(e, actual, expected);
            case CONTAINS -> contains(actual, expected);
            case ABSENT -> throw new IllegalStateException("absent is handled before comparing");
        };
    }

    private static Check numeric(Expectation e, JsonNode actual, JsonNode expected) {
        if (!expected.isNumber()) {
            return new Check(actual, Outcome.ERROR, e.comparison().code() + " needs a numeric expected value");
        }
        if (!actual.isNumber()) {
            return new Check(actual, Outcome.FAIL, "actual value is not a number");
        }
        BigDecimal a = actual.decimalValue();
        BigDecimal x = expected.decimalValue();
        boolean ok = switch (e.comparison()) {
            case APPROX -> a.subtract(x).abs().compareTo(BigDecimal.valueOf(e.tolerance())) <= 0;
            case AT_LEAST -> a.compareTo(x) >= 0;
            case AT_MOST -> a.compareTo(x) <= 0;
            default -> throw new IllegalStateException("not numeric: " + e.comparison());
        };
        if (ok) {
            return pass(actual);
        }
        String detail = switch (e.comparison()) {
            case APPROX -> "differs by " + a.subtract(x).abs().toPlainString() + ", more than the tolerance "
                    + e.tolerance();
            case AT_LEAST -> "below the expected minimum";
            default -> "above the expected maximum";
        };
        return new Check(actual, Outcome.FAIL, detail);
    }

    private static Check contains(JsonNode actual, JsonNode expected) {
        if (actual.isString()) {
            if (!expected.isString()) {
                return new Check(actual, Outcome.FAIL, "actual is a string, expected value is not");
            }
            return actual.asString().contains(expected.asString()) ? pass(actual)
                    : new Check(actual, Outcome.FAIL, "does not contain the expected text");
        }
        if (actual.isArray()) {
            if (expected.isArray()) {
                for (JsonNode wanted : expected) {
                    if (!arrayHas(actual, wanted)) {
                        return new Check(actual, Outcome.FAIL, "lacks the expected element " + wanted);
                    }
                }
                return pass(actual);
            }
            return arrayHas(actual, expected) ? pass(actual)
                    : new Check(actual, Outcome.FAIL, "lacks the expected element");
        }
        if (actual.isObject()) {
            if (!expected.isObject()) {
                return new Check(actual, Outcome.FAIL, "actual is an object, expected value is not");
            }
            for (Map.Entry<String, JsonNode> property : expected.properties()) {
                JsonNode value = actual.get(property.getKey());
                if (value == null || !jsonEquals(value, property.getValue())) {
                    return new Check(actual, Outcome.FAIL, "property '" + property.getKey() + "' differs or is missing");
                }
            }
            return pass(actual);
        }
        return new Check(actual, Outcome.FAIL, "contains needs a string, array or object value");
    }

    private static boolean arrayHas(JsonNode array, JsonNode wanted) {
        for (JsonNode element : array) {
            if (jsonEquals(element, wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares two JSON values: numbers by value, arrays element by element, objects property by property.
     *
     * @param a one value
     * @param b the other
     * @return true when equal
     */
    public static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!jsonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode other = b.get(p.getKey());
                if (other == null || !jsonEquals(p.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Check pass(JsonNode actual) {
        return new Check(actual, Outcome.PASS, null);
    }
}
