package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.treesitter.TSParser;

/**
 * The fast copy of a native tree (derived end bytes) equals the exact copy (a JNI call per value): same nodes,
 * fields, start bytes, lines, and leaf end bytes, also once the inline leaf data ({@link InlineSubtrees}) is trusted. An inner node may end before a hidden trailing token such as
 * Go's statement-terminating newline, which never changes a line.
 */
class SyntaxTreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sample.java", "sample.py", "sample.js", "sample.ts", "sample.go", "sample.c"})
    void fast_copy_has_the_same_nodes_lines_and_token_positions_as_the_exact_copy(String sample) {
        Language language = Language.ofPath(sample).orElseThrow();
        TSParser parser = new TSParser();
        parser.setLanguage(language.grammar());
        byte[] source = Samples.bytes(sample);

        SyntaxTree fast = SyntaxTree.parse(parser, language.grammar(), source, 0, false);
        SyntaxTree exact = SyntaxTree.parse(parser, language.grammar(), source, 0, true);

        assertThat(flatten(fast.root())).isEqualTo(flatten(exact.root()));
        assertThat(fast.root().endByte()).isEqualTo(source.length > 0 ? exact.root().endByte() : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sample.java", "sample.py", "sample.js", "sample.ts", "sample.go", "sample.c"})
    void once_inline_leaves_are_trusted_the_fast_copy_still_equals_the_exact_copy(String sample) {
        Language language = Language.ofPath(sample).orElseThrow();
        TSParser parser = new TSParser();
        parser.setLanguage(language.grammar());
        byte[] source = Samples.bytes(sample);
        byte[] java = Samples.bytes("Sample.java");
        Language javaLanguage = Language.JAVA;
        TSParser javaParser = new TSParser();
        javaParser.setLanguage(javaLanguage.grammar());
        for (int i = 0; i < 100 && InlineSubtrees.enabled() && !InlineSubtrees.trusted(); i++) {
            SyntaxTree.parse(javaParser, javaLanguage.grammar(), java, 0, false);
        }
        assertThat(InlineSubtrees.enabled()).as("decoded inline leaves agreed with JNI").isTrue();
        assertThat(InlineSubtrees.trusted()).isTrue();

        SyntaxTree fast = SyntaxTree.parse(parser, language.grammar(), source, 0, false);
        SyntaxTree exact = SyntaxTree.parse(parser, language.grammar(), source, 0, true);

        assertThat(flatten(fast.root())).isEqualTo(flatten(exact.root()));
    }

    private static List<String> flatten(SyntaxNode root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(SyntaxNode n, List<String> out) {
        String end = n.isLeaf() ? String.valueOf(n.endByte()) : "";
        out.add(n.type() + "|" + n.named() + "|" + n.field() + "|" + n.startByte() + "-" + end + "|"
                + n.startLine() + "-" + n.endLine());
        for (SyntaxNode c : n.children()) {
            walk(c, out);
        }
    }
}
