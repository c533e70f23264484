package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.treesitter.TSParser;

/** The fast copy of a native tree (derived end bytes) equals the exact copy (a JNI call per value). */
class SyntaxTreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sample.java", "sample.py", "sample.js", "sample.ts", "sample.go", "sample.c"})
    void fast_copy_has_the_same_nodes_positions_and_fields_as_the_exact_copy(String sample) {
        Language language = Language.ofPath(sample).orElseThrow();
        TSParser parser = new TSParser();
        parser.setLanguage(language.grammar());
        byte[] source = Samples.bytes(sample);

        SyntaxTree fast = SyntaxTree.parse(parser, language.grammar(), source, 0, false);
        SyntaxTree exact = SyntaxTree.parse(parser, language.grammar(), source, 0, true);

        assertThat(flatten(fast.root())).isEqualTo(flatten(exact.root()));
        assertThat(fast.root().endByte()).isEqualTo(source.length > 0 ? exact.root().endByte() : 0);
    }

    private static List<String> flatten(SyntaxNode root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(SyntaxNode n, List<String> out) {
        out.add(n.type() + "|" + n.named() + "|" + n.field() + "|" + n.startByte() + "-" + n.endByte() + "|"
                + n.startLine() + "-" + n.endLine());
        for (SyntaxNode c : n.children()) {
            walk(c, out);
        }
    }
}
