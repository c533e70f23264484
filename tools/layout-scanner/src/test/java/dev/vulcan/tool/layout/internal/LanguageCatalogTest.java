package dev.vulcan.tool.layout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageCatalogTest {

    private final LanguageCatalog catalog = LanguageCatalog.defaults();

    private String byName(String filename) {
        return catalog.byName(filename).map(Language::name).orElse(null);
    }

    private String byShebang(String line) {
        return catalog.byShebang(line).map(Language::name).orElse(null);
    }

    @Test
    void lists_at_least_sixty_languages_from_the_data_file() {
        assertThat(catalog.languages()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalog.languages()).extracting(Language::name).doesNotHaveDuplicates();
    }

    @Test
    void detects_by_extension() {
        assertThat(byName("App.java")).isEqualTo("Java");
        assertThat(byName("main.py")).isEqualTo("Python");
        assertThat(byName("index.d.ts")).isEqualTo("TypeScript");
        assertThat(byName("view.tsx")).isEqualTo("TSX");
        assertThat(byName("lib.rs")).isEqualTo("Rust");
        assertThat(byName("notes.md")).isEqualTo("Markdown");
        assertThat(byName("conf.yml")).isEqualTo("YAML");
    }

    @Test
    void extension_matches_case_sensitively_first_then_in_lower_case() {
        assertThat(byName("x.c")).isEqualTo("C");
        assertThat(byName("x.C")).isEqualTo("C++");
        assertThat(byName("README.MD")).isEqualTo("Markdown");
        assertThat(byName("Main.JAVA")).isEqualTo("Java");
    }

    @Test
    void exact_filename_wins_over_extension() {
        assertThat(byName("Makefile")).isEqualTo("Makefile");
        assertThat(byName("Dockerfile")).isEqualTo("Dockerfile");
        assertThat(byName("CMakeLists.txt")).isEqualTo("CMake");
        assertThat(byName("BUILD.bazel")).isEqualTo("Bazel");
        assertThat(byName("Gemfile")).isEqualTo("Ruby");
        assertThat(byName(".gitignore")).isEqualTo("Git Config");
    }

    @Test
    void unknown_names_have_no_language() {
        assertThat(byName("notes.xyz")).isNull();
        assertThat(byName("run")).isNull();
    }

    @Test
    void detects_by_shebang_through_env_and_versions() {
        assertThat(byShebang("#!/usr/bin/env python3")).isEqualTo("Python");
        assertThat(byShebang("#!/usr/bin/python3.11 -u")).isEqualTo("Python");
        assertThat(byShebang("#!/bin/bash -e")).isEqualTo("Shell");
        assertThat(byShebang("#! /bin/sh")).isEqualTo("Shell");
        assertThat(byShebang("#!/usr/bin/env -S node --no-warnings")).isEqualTo("JavaScript");
        assertThat(byShebang("#!/usr/bin/env LANG=C perl")).isEqualTo("Perl");
        assertThat(byShebang("#!/opt/unknown-interpreter")).isNull();
        assertThat(byShebang("# just a comment")).isNull();
    }

    @Test
    void extension_is_taken_from_the_last_dot_unless_it_leads_the_name() {
        assertThat(LanguageCatalog.extensionOf("a.tar.gz")).contains(".gz");
        assertThat(LanguageCatalog.extensionOf(".gitignore")).isEmpty();
        assertThat(LanguageCatalog.extensionOf("Makefile")).isEmpty();
        assertThat(LanguageCatalog.extensionOf("odd.")).isEqualTo(Optional.empty());
    }
}
