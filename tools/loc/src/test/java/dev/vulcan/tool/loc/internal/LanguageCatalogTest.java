package dev.vulcan.tool.loc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageCatalogTest {

    private static final LanguageCatalog CATALOG = LanguageCatalog.bundled();

    private static String name(Optional<Language> language) {
        return language.map(Language::name).orElse(null);
    }

    @Test
    void bundles_at_least_thirty_languages() {
        assertThat(CATALOG.languages()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void picks_the_language_from_file_name_prefix_and_extension() {
        assertThat(name(CATALOG.byFileName("Makefile"))).isEqualTo("Makefile");
        assertThat(name(CATALOG.byFileName("Dockerfile.dev"))).isEqualTo("Dockerfile");
        assertThat(name(CATALOG.byFileName("main.c"))).isEqualTo("C");
        assertThat(name(CATALOG.byFileName("lib.C"))).isEqualTo("C++");
        assertThat(name(CATALOG.byFileName("App.JAVA"))).isEqualTo("Java");
        assertThat(name(CATALOG.byFileName("types.h"))).isEqualTo("C/C++ Header");
        assertThat(name(CATALOG.byFileName("CMakeLists.txt"))).isEqualTo("CMake");
        assertThat(name(CATALOG.byFileName("notes.txt"))).isEqualTo("Text");
        assertThat(CATALOG.byFileName("README")).isEmpty();
        assertThat(CATALOG.byFileName(".hidden")).isEmpty();
        assertThat(CATALOG.byFileName("archive.tar.xz")).isEmpty();
    }

    @Test
    void picks_the_language_from_a_shebang_line() {
        assertThat(name(shebang("#!/usr/bin/env python3\n"))).isEqualTo("Python");
        assertThat(name(shebang("#!/usr/bin/env -S perl -w\n"))).isEqualTo("Perl");
        assertThat(name(shebang("#! /bin/sh -e\n"))).isEqualTo("Shell");
        assertThat(shebang("#!/usr/bin/unknown\n")).isEmpty();
        assertThat(shebang("no shebang\n")).isEmpty();
    }

    private static Optional<Language> shebang(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return CATALOG.byShebang(bytes, bytes.length);
    }

    @Test
    void rejects_an_extension_claimed_by_two_languages() {
        String json = "{\"languages\": [{\"name\": \"A\", \"extensions\": [\"x\"]}, {\"name\": \"B\", \"extensions\": [\"x\"]}]}";
        assertThatThrownBy(() -> LanguageCatalog.parse(json.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'x'").hasMessageContaining("A")
                .hasMessageContaining("B");
    }

    @Test
    void rejects_unknown_fields_and_bad_markers_naming_the_language() {
        String unknown = "{\"languages\": [{\"name\": \"A\", \"colour\": \"red\"}]}";
        assertThatThrownBy(() -> LanguageCatalog.parse(unknown.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("language A")
                .hasMessageContaining("colour");
        String empty = "{\"languages\": [{\"name\": \"A\", \"block_comments\": [{\"start\": \"\", \"end\": \"*/\"}]}]}";
        assertThatThrownBy(() -> LanguageCatalog.parse(empty.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start");
        String kind = "{\"languages\": [{\"name\": \"A\", \"strings\": [{\"kind\": \"weird\"}]}]}";
        assertThatThrownBy(() -> LanguageCatalog.parse(kind.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weird");
    }
}
