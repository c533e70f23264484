package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** is_exported rules per language, qualified names, and call extraction with resolution. */
class SymbolsAndCallsTest {

    @Test
    void java_exports_public_declarations_and_interface_members_of_exported_types() {
        FileAnalysis file = Samples.analyze("Sample.java");

        assertThat(Samples.symbol(file, "Sample").kind()).isEqualTo(SymbolKind.CLASS);
        assertThat(file.symbols()).filteredOn(s -> s.name().equals("Sample"))
                .extracting(SymbolInfo::exported).containsOnly(true);
        assertThat(Samples.symbol(file, "classify").exported()).isTrue();
        assertThat(Samples.symbol(file, "loops").exported()).as("package-private").isFalse();
        assertThat(Samples.symbol(file, "handle").exported()).as("private").isFalse();
        assertThat(Samples.symbol(file, "Shape").exported()).as("package-private interface").isFalse();
        assertThat(Samples.symbol(file, "visible").exported()).as("public method of a private class").isFalse();
        assertThat(Samples.symbol(file, "classify").qualifiedName()).isEqualTo("com.example.shapes.Sample.classify");
        assertThat(Samples.symbol(file, "visible").qualifiedName())
                .isEqualTo("com.example.shapes.Sample.Hidden.visible");
    }

    @Test
    void python_exports_follow_all_list_then_underscore_rule() {
        FileAnalysis file = Samples.analyze("sample.py");

        assertThat(Samples.symbol(file, "grade").exported()).isTrue();
        assertThat(Samples.symbol(file, "Report").exported()).isTrue();
        assertThat(Samples.symbol(file, "outer").exported()).as("not in __all__").isFalse();
        assertThat(Samples.symbol(file, "_collect").exported()).isFalse();
        assertThat(Samples.symbol(file, "title").exported()).isTrue();
        assertThat(Samples.symbol(file, "_trim").exported()).isFalse();
        assertThat(Samples.symbol(file, "inner").exported()).as("nested in a function").isFalse();
        assertThat(Samples.symbol(file, "inner").qualifiedName()).isEqualTo("outer.inner");
    }

    @Test
    void javascript_and_typescript_export_statements_and_non_private_members() {
        FileAnalysis js = Samples.analyze("sample.js");
        assertThat(Samples.symbol(js, "route").exported()).isTrue();
        assertThat(Samples.symbol(js, "count").exported()).isFalse();
        assertThat(Samples.symbol(js, "Store").exported()).isFalse();
        assertThat(Samples.symbol(js, "load").exported()).as("member of an unexported class").isFalse();

        FileAnalysis ts = Samples.analyze("sample.ts");
        assertThat(Samples.symbol(ts, "Shape").kind()).isEqualTo(SymbolKind.INTERFACE);
        assertThat(Samples.symbol(ts, "Shape").exported()).isTrue();
        assertThat(Samples.symbol(ts, "pick").exported()).isTrue();
        assertThat(Samples.symbol(ts, "Circle").exported()).isTrue();
        assertThat(Samples.symbol(ts, "area").exported()).isTrue();
        assertThat(Samples.symbol(ts, "hidden").exported()).as("private member").isFalse();
        assertThat(Samples.symbol(ts, "helper").exported()).isFalse();
    }

    @Test
    void go_exports_capitalized_names_and_qualifies_methods_by_receiver() {
        FileAnalysis file = Samples.analyze("sample.go");

        assertThat(Samples.symbol(file, "Point").kind()).isEqualTo(SymbolKind.STRUCT);
        assertThat(Samples.symbol(file, "Point").exported()).isTrue();
        assertThat(Samples.symbol(file, "shape").kind()).isEqualTo(SymbolKind.INTERFACE);
        assertThat(Samples.symbol(file, "shape").exported()).isFalse();
        assertThat(Samples.symbol(file, "Walk").exported()).isTrue();
        assertThat(Samples.symbol(file, "helper").exported()).isFalse();
        assertThat(Samples.symbol(file, "Walk").qualifiedName()).isEqualTo("shapes.Point.Walk");
    }

    @Test
    void c_exports_functions_without_static_storage() {
        FileAnalysis file = Samples.analyze("sample.c");

        assertThat(Samples.symbol(file, "sum_positive").exported()).isTrue();
        assertThat(Samples.symbol(file, "kind").exported()).isFalse();
    }

    @Test
    void calls_are_resolved_through_same_file_declarations_and_imports() {
        FileAnalysis java = Samples.analyze("Sample.java");
        assertThat(describe(java.calls())).contains(
                "com.example.shapes.Sample.size -> count @com.example.util.Strings.count (import)",
                "com.example.shapes.Sample.size -> clamp @com.example.util.Maths.clamp (import)",
                "com.example.shapes.Sample.fact -> fact @com.example.shapes.Sample.fact (same_file)");

        FileAnalysis py = Samples.analyze("sample.py");
        assertThat(describe(py.calls())).contains(
                "_collect -> normalize @.helpers.normalize (import)",
                "Report._trim -> title @Report.title (same_file)",
                "Report._trim -> basename @os.path.basename (import)",
                "Report._trim -> OD @collections.OrderedDict (import)",
                "outer -> inner @outer.inner (same_file)",
                "_collect -> append @null (unresolved)");

        FileAnalysis js = Samples.analyze("sample.js");
        assertThat(describe(js.calls())).contains(
                "route -> parseIt @./parser.parse (import)",
                "Store.load -> format @util.format (import)",
                "drain -> route @route (same_file)");

        FileAnalysis go = Samples.analyze("sample.go");
        assertThat(describe(go.calls())).contains(
                "shapes.Point.Walk -> Println @fmt.Println (import)",
                "shapes.Point.Walk -> ToUpper @strings.ToUpper (import)");
    }

    @Test
    void module_level_calls_have_no_caller() {
        FileAnalysis file = Samples.analyzeSource("m.py", "import os\nos.getcwd()\n".getBytes());

        assertThat(file.calls()).singleElement().satisfies(c -> {
            assertThat(c.caller()).isNull();
            assertThat(c.resolved()).isEqualTo("os.getcwd");
            assertThat(c.line()).isEqualTo(2);
        });
    }

    private static List<String> describe(List<CallInfo> calls) {
        return calls.stream().map(c -> c.caller() + " -> " + c.callee() + " @" + c.resolved() + " ("
                + c.resolution().code() + ")").collect(Collectors.toList());
    }
}
