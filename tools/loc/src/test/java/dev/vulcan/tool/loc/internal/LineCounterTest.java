package dev.vulcan.tool.loc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineCounterTest {

    private static final LanguageCatalog CATALOG = LanguageCatalog.bundled();

    /** Counts with a tiny and a large buffer (chunk boundaries everywhere) and checks both agree. */
    private static FileCounts count(String language, String text) {
        return count(language, text.getBytes(StandardCharsets.UTF_8));
    }

    private static FileCounts count(String language, byte[] bytes) {
        Language lang = CATALOG.byName(language).orElseThrow();
        try {
            FileCounts small = new LineCounter(LineCounter.MIN_BUFFER).count(lang,
                    Channels.newChannel(new ByteArrayInputStream(bytes)));
            FileCounts large = new LineCounter(1 << 16).count(lang, Channels.newChannel(new ByteArrayInputStream(bytes)));
            assertThat(small).isEqualTo(large);
            return large;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertCounts(FileCounts c, long code, long comments, long blanks) {
        assertThat(new long[] {c.code(), c.comments(), c.blanks()}).as("code, comments, blanks")
                .containsExactly(code, comments, blanks);
    }

    @Test
    void a_line_with_code_and_a_comment_is_code() {
        assertCounts(count("C", "int a; /* c */\n/* a */ /* b */\nint b; // c\n"), 2, 1, 0);
    }

    @Test
    void comment_markers_inside_c_strings_and_char_literals_are_code() {
        FileCounts c = count("C", "char *s = \"/* not\";\nchar q = '\"'; char e = '\\'';\nint x; /* real */\n");
        assertCounts(c, 3, 0, 0);
    }

    @Test
    void an_escaped_quote_does_not_end_a_string() {
        assertCounts(count("C", "s = \"a \\\" /* b\";\nint x;\n"), 2, 0, 0);
    }

    @Test
    void a_multi_line_block_comment_with_code_on_both_ends_is_one_code_line() {
        assertCounts(count("C", "x = 1; /* start\n middle\n end */ y = 2;\n"), 1, 2, 0);
    }

    @Test
    void blank_lines_inside_a_block_comment_are_blank() {
        assertCounts(count("Java", "/**\n\n * doc\n */\nclass A {}\n"), 1, 3, 1);
    }

    @Test
    void c_comments_do_not_nest_but_rust_comments_do() {
        assertCounts(count("C", "/* a /* b */ x = 1; */\n"), 1, 0, 0);
        assertCounts(count("Rust", "/* a /* b */ still */\nfn f() {}\n"), 1, 1, 0);
        assertCounts(count("Rust", "/* a /* b */\n still */\nfn f() {}\n"), 1, 2, 0);
    }

    @Test
    void java_text_blocks_with_comment_markers_are_code() {
        assertCounts(count("Java", "String s = \"\"\"\n  /* x\n  // y\n  \"\"\";\n// real\n"), 4, 1, 0);
    }

    @Test
    void python_statement_docstrings_are_comments_and_other_triple_strings_are_code() {
        String py = "def f():\n    \"\"\"Doc.\n\n    More.\n    \"\"\"\n    x = '''a\n    b'''\n    return (\n        \"\"\"c\"\"\")\n";
        assertCounts(count("Python", py), 5, 3, 1);
    }

    @Test
    void a_prefixed_docstring_is_a_comment() {
        assertCounts(count("Python", "r\"\"\"raw doc\"\"\"\nx = 1\n"), 1, 1, 0);
    }

    @Test
    void a_hash_inside_a_python_string_is_not_a_comment() {
        assertCounts(count("Python", "s = '# no'  # yes\n# only comment\n"), 1, 1, 0);
    }

    @Test
    void rust_raw_strings_and_lifetimes_do_not_confuse_the_lexer() {
        assertCounts(count("Rust", "let s = r##\"a \"# /* b\"##;\nfn f<'a>(x: &'a str) {} // c\n/* d */\n"), 2, 1, 0);
    }

    @Test
    void cpp_raw_strings_span_lines_and_hide_comment_markers() {
        assertCounts(count("C++", "auto s = u8R\"d(\n/* x */\n)d\";\n/* y */\n"), 3, 1, 0);
    }

    @Test
    void go_backtick_strings_span_lines() {
        assertCounts(count("Go", "s := `\n// not a comment\n`\n// comment\n"), 3, 1, 0);
    }

    @Test
    void lua_long_comments_and_long_strings() {
        assertCounts(count("Lua", "--[[ a\nb ]]\nx = [==[ --\n]==]\n-- c\n"), 2, 3, 0);
    }

    @Test
    void haskell_block_comments_nest() {
        assertCounts(count("Haskell", "{- a {- b -}\n c -}\nmain = pure ()\n"), 1, 2, 0);
    }

    @Test
    void shell_shebang_is_code_and_hash_lines_are_comments() {
        FileCounts c = count("Shell", "#!/bin/sh\n# c\necho \"# x\" # y\nif true && false; then :; fi\n");
        assertCounts(c, 3, 1, 0);
        assertThat(c.complexity()).isEqualTo(2);
    }

    @Test
    void perl_pod_and_end_marker_are_comments() {
        assertCounts(count("Perl", "print 1;\n=head2 X\ndoc\n=cut\nprint 2;\n__END__\nx\n"), 2, 5, 0);
    }

    @Test
    void ruby_begin_end_blocks_are_comments() {
        assertCounts(count("Ruby", "=begin\nx\n=end\nputs 1\n"), 1, 3, 0);
    }

    @Test
    void assembly_prefix_comments_follow_cloc() {
        assertCounts(count("Assembly", "#include <x.h>\n\tmov r0, r1 @ c\n; c\n@ c\n/* c */\n"), 1, 4, 0);
    }

    @Test
    void blank_or_comment_line_after_a_backslash_line_is_code_where_cloc_does_so() {
        assertCounts(count("C", "#define A \\\n\nint b;\n"), 3, 0, 0);
        assertCounts(count("C", "#define A \\\n// c\nint b;\n"), 3, 0, 0);
        assertCounts(count("Java", "String a = \"x\"; // \\\n\n"), 1, 0, 1);
    }

    @Test
    void a_continuation_line_at_the_end_of_the_text_is_a_comment_as_in_cloc() {
        assertCounts(count("Assembly", "nop; \\\n\n#include \"x.S\"\n"), 1, 2, 0);
        assertCounts(count("Shell", "echo a \\\n\n"), 2, 0, 0);
    }

    @Test
    void a_blank_line_after_a_comment_ending_in_a_backslash_is_a_comment_as_in_cloc() {
        assertCounts(count("Makefile", "x := 1\n# a \\\n\ny := 2\n"), 2, 2, 0);
    }

    @Test
    void html_comments_and_rst_explicit_markup_are_comments() {
        assertCounts(count("XML", "<a>\n<!-- x\ny -->\n</a>\n"), 2, 2, 0);
        assertCounts(count("reStructuredText", "T\n.. c\n   d\n\n   e\nText\n"), 2, 3, 1);
    }

    @Test
    void sql_strings_with_doubled_quotes_and_comments() {
        assertCounts(count("SQL", "SELECT 'it''s -- no' FROM t; -- c\n-- only\n/* b */\n"), 1, 2, 0);
    }

    @Test
    void complexity_counts_branch_tokens_in_code_only() {
        FileCounts c = count("Java", "if (a && b) { } else if (c || d) { }\n// if while for\nString s = \"if\";\n"
                + "int ifx = 0; for (;;) { while (x) {} switch (y) { case 1: } }\n");
        assertThat(c.complexity()).isEqualTo(9);
    }

    @Test
    void crlf_bom_and_missing_final_newline_are_handled() {
        byte[] bytes = "\uFEFFint a;\r\n\r\n// c\r\nint b;".getBytes(StandardCharsets.UTF_8);
        FileCounts c = count("C", bytes);
        assertThat(c.lines()).isEqualTo(4);
        assertCounts(c, 2, 1, 1);
    }

    @Test
    void empty_input_has_no_lines_and_a_lone_newline_is_one_blank() {
        assertThat(count("C", "").lines()).isZero();
        assertCounts(count("C", "\n"), 0, 0, 1);
        assertCounts(count("C", "   \t"), 0, 0, 1);
    }

    @Test
    void an_unterminated_block_comment_runs_to_the_end() {
        assertCounts(count("C", "int a;\n/* open\nmore\n"), 1, 2, 0);
    }

    @Test
    void counts_are_the_same_for_any_chunking_of_a_long_input() {
        String unit = "/* c */\nint a = 1; // x\nchar *s = \"/*\";\n\n";
        String text = unit.repeat(500);
        FileCounts c = count("C", text);
        assertCounts(c, 1000, 500, 500);
    }

    @Test
    void analyze_detects_binary_shebang_unsupported_and_too_large() throws IOException {
        LineCounter counter = new LineCounter(LineCounter.MIN_BUFFER);
        assertThat(counter.analyze(channel("a\u0000b"), CATALOG.byName("C").orElseThrow(), false, CATALOG, 100))
                .isInstanceOf(LineCounter.Binary.class);
        LineCounter.Outcome py = counter.analyze(channel("#!/usr/bin/env python3\n# c\nx = 1\n"), null, true, CATALOG,
                100);
        assertThat(py).isInstanceOfSatisfying(LineCounter.Counted.class, c -> {
            assertThat(c.language().name()).isEqualTo("Python");
            assertCounts(c.counts(), 2, 1, 0);
        });
        assertThat(counter.analyze(channel("plain text\n"), null, true, CATALOG, 100))
                .isInstanceOf(LineCounter.Unsupported.class);
        assertThat(counter.analyze(channel("x\n".repeat(100)), CATALOG.byName("C").orElseThrow(), false, CATALOG, 50))
                .isInstanceOf(LineCounter.TooLarge.class);
    }

    @Test
    void rejects_a_buffer_smaller_than_the_lookahead_needs() {
        assertThatThrownBy(() -> new LineCounter(16)).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.nio.channels.ReadableByteChannel channel(String text) {
        return Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
