package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import org.junit.jupiter.api.Test;

/** Language by extension, kind codes and tool options. */
class LanguageTest {

    @Test
    void maps_extensions_case_insensitively_and_leaves_unknown_ones_unsupported() {
        assertThat(Language.ofPath("a/B.JAVA")).contains(Language.JAVA);
        assertThat(Language.ofPath("x.pyi")).contains(Language.PYTHON);
        assertThat(Language.ofPath("ui/app.jsx")).contains(Language.JAVASCRIPT);
        assertThat(Language.ofPath("lib.mts")).contains(Language.TYPESCRIPT);
        assertThat(Language.ofPath("main.go")).contains(Language.GO);
        assertThat(Language.ofPath("inc/x.h")).contains(Language.C);
        assertThat(Language.ofPath("x.hpp")).contains(Language.CPP);
        assertThat(Language.ofPath("view.tsx")).isEmpty();
        assertThat(Language.ofPath("README")).isEmpty();
        assertThat(Language.ofPath(".bashrc")).isEmpty();
        assertThat(Language.ofPath("notes.md")).isEmpty();
    }

    @Test
    void every_grammar_loads_its_native_library() {
        for (Language l : Language.values()) {
            assertThat(l.grammar()).as(l.code()).isNotNull();
            assertThat(l.grammar().abiVersion()).as(l.code()).isBetween(13, 15);
        }
    }

    @Test
    void kind_codes_round_trip_and_unknown_codes_are_rejected() {
        for (SymbolKind k : SymbolKind.values()) {
            assertThat(SymbolKind.fromCode(k.code())).isEqualTo(k);
        }
        assertThatThrownBy(() -> SymbolKind.fromCode("klass")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_default_and_reject_bad_values() {
        ComplexityOptions defaults = ComplexityOptions.from(Json.object());
        assertThat(defaults.maxFileBytes()).isEqualTo(ComplexityOptions.DEFAULT_MAX_FILE_BYTES);
        assertThat(defaults.threads()).isPositive();
        var node = Json.object();
        node.put("parse_timeout_ms", 0);
        assertThatThrownBy(() -> ComplexityOptions.from(node)).hasMessageContaining("parse_timeout_ms");
    }
}
