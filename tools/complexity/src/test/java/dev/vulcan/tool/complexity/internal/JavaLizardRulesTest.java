package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Java rules checked against lizard's behaviour on hand-counted snippets (README, "Cyclomatic complexity"): lizard
 * restarts a function's count at the body's opening brace, and its tokenizer reads {@code <?>} and
 * {@code <? extends Word>} as one token.
 */
class JavaLizardRulesTest {
    private static final String SOURCE = String.join("\n",
            "class W {",
            "    // ccn 1 + ? (ternary) = 2: the wildcards of the parameters and the throws clause are before the body",
            "    int signature(Map<? super K, ?> m, List<? extends a.B> n) throws E {",
            "        return m == null ? 0 : 1;",
            "    }",
            "",
            "    // ccn 1 + Map<K, ?> + <? super T> + <? extends a.B> + <? extends Foo<Bar>> = 5;",
            "    // <?>, <? extends Foo> and < ? extends Foo > are one lizard token each and add nothing",
            "    void wildcards() {",
            "        List<?> a;",
            "        Class<? extends Foo> b;",
            "        Class< ? extends Foo > b2;",
            "        Map<K, ?> c;",
            "        List<? super T> d;",
            "        Class<? extends a.B> e;",
            "        Comparable<? extends Foo<Bar>> g;",
            "    }",
            "",
            "    // ccn 1: type parameters are before the name",
            "    <T extends Comparable<? super T>> T generic(T x) {",
            "        return x;",
            "    }",
            "",
            "    // ccn 1 + ? (ternary) = 2",
            "    W(Supplier<? super String> s) {",
            "        this.s = s != null ? s : null;",
            "    }",
            "}",
            "");

    private final FileAnalysis file = Samples.analyzeSource("W.java", SOURCE.getBytes(StandardCharsets.UTF_8));

    @Test
    void conditions_in_parameters_and_throws_do_not_count() {
        assertThat(Samples.function(file, "signature").ccn()).isEqualTo(2);
        assertThat(Samples.function(file, "W").ccn()).isEqualTo(2);
    }

    @Test
    void wildcards_count_unless_lizard_reads_them_as_one_token() {
        assertThat(Samples.function(file, "wildcards").ccn()).isEqualTo(5);
    }

    @Test
    void type_parameters_before_the_name_do_not_count() {
        assertThat(Samples.function(file, "generic").ccn()).isEqualTo(1);
    }
}
