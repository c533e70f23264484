package dev.vulcan.tool.complexity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Java rules (tree-sitter-java). */
final class JavaRules extends LanguageRules {
    private static final Set<String> CONDITIONS = Set.of("if", "for", "while", "catch", "case", "&&", "||", "?");
    private static final Set<String> LOOPS =
            Set.of("for_statement", "enhanced_for_statement", "while_statement", "do_statement");
    private static final Set<String> ATOMIC = Set.of("string_literal", "character_literal");

    @Override
    boolean isCondition(SyntaxNode leaf) {
        return !leaf.named() && CONDITIONS.contains(leaf.type());
    }

    /**
     * A wildcard {@code ?} counts unless lizard's tokenizer reads it inside one token: lizard matches
     * {@code <\s*\?(?:\s*extends\s+\w+)?\s*>} as a single token, so {@code List<?>} and
     * {@code Class<? extends Foo>} add nothing while {@code <? super T>}, {@code <? extends a.B>} and
     * {@code Map<K, ?>} count 1.
     */
    @Override
    boolean isCondition(SyntaxNode leaf, SyntaxTree tree) {
        if (!isCondition(leaf)) {
            return false;
        }
        if (!"?".equals(leaf.type()) || leaf.parent() == null || !"wildcard".equals(leaf.parent().type())) {
            return true;
        }
        return !lizardSingleWildcardToken(tree, leaf.startByte());
    }

    /** Whether the '?' at offset is inside a text lizard tokenizes as {@code <\s*\?(?:\s*extends\s+\w+)?\s*>}. */
    static boolean lizardSingleWildcardToken(SyntaxTree tree, int question) {
        int i = question - 1;
        while (i >= 0 && isSpace(tree.sourceByte(i))) {
            i--;
        }
        if (i < 0 || tree.sourceByte(i) != '<') {
            return false;
        }
        int n = tree.sourceLength();
        int j = skipSpaces(tree, question + 1, n);
        int afterBound = matchExtendsWord(tree, j, n);
        if (afterBound >= 0) {
            j = skipSpaces(tree, afterBound, n);
        } else {
            j = skipSpaces(tree, question + 1, n);
        }
        return j < n && tree.sourceByte(j) == '>';
    }

    /** The offset after {@code extends\s+\w+} starting at j, or -1 when the text there does not match. */
    private static int matchExtendsWord(SyntaxTree tree, int j, int n) {
        byte[] kw = {'e', 'x', 't', 'e', 'n', 'd', 's'};
        if (j + kw.length > n) {
            return -1;
        }
        for (int k = 0; k < kw.length; k++) {
            if (tree.sourceByte(j + k) != kw[k]) {
                return -1;
            }
        }
        int p = j + kw.length;
        int spaces = skipSpaces(tree, p, n);
        if (spaces == p) {
            return -1;
        }
        int q = spaces;
        while (q < n && isWord(tree.sourceByte(q))) {
            q++;
        }
        return q == spaces ? -1 : q;
    }

    private static int skipSpaces(SyntaxTree tree, int from, int n) {
        int j = from;
        while (j < n && isSpace(tree.sourceByte(j))) {
            j++;
        }
        return j;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0b;
    }

    /** Python's {@code \w} on the decoded text: ASCII letters, digits, '_' and (approximately) any non-ASCII. */
    private static boolean isWord(byte b) {
        return b < 0 || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    /** Lizard restarts a function's count at the body's opening brace: parameters and throws never count. */
    @Override
    boolean countsConditions(SyntaxNode function, SyntaxNode child) {
        return "body".equals(child.field());
    }

    @Override
    SymbolKind functionKind(SyntaxNode node) {
        switch (node.type()) {
            case "method_declaration":
                return node.child("body") == null ? null : SymbolKind.METHOD;
            case "constructor_declaration":
            case "compact_constructor_declaration":
                return SymbolKind.CONSTRUCTOR;
            default:
                return null;
        }
    }

    @Override
    String functionName(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode name = function.child("name");
        return name == null ? ANONYMOUS : tree.text(name);
    }

    @Override
    SymbolKind typeKind(SyntaxNode node) {
        switch (node.type()) {
            case "class_declaration":
                return SymbolKind.CLASS;
            case "interface_declaration":
                return SymbolKind.INTERFACE;
            case "enum_declaration":
                return SymbolKind.ENUM;
            case "record_declaration":
                return SymbolKind.RECORD;
            case "annotation_type_declaration":
                return SymbolKind.ANNOTATION;
            default:
                return null;
        }
    }

    @Override
    String typeName(SyntaxNode node, SyntaxTree tree) {
        SyntaxNode name = node.child("name");
        return name == null ? null : tree.text(name);
    }

    @Override
    String scopeName(SyntaxNode node, SyntaxTree tree) {
        return "class_body".equals(node.type()) && node.parent() != null
                && ("object_creation_expression".equals(node.parent().type())
                        || "enum_constant".equals(node.parent().type())) ? ANONYMOUS : null;
    }

    @Override
    int parameterCount(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode params = function.child("parameters");
        if (params == null) {
            return 0;
        }
        int n = 0;
        for (SyntaxNode c : params.children()) {
            if ("formal_parameter".equals(c.type()) || "spread_parameter".equals(c.type())) {
                n++;
            }
        }
        return n;
    }

    @Override
    boolean outsideFunction(SyntaxNode function, SyntaxNode child) {
        return "modifiers".equals(child.type()) || "type".equals(child.field())
                || "type_parameters".equals(child.field());
    }

    @Override
    boolean isAtomicToken(SyntaxNode node) {
        return ATOMIC.contains(node.type());
    }

    @Override
    CognitiveKind cognitiveKind(SyntaxNode node) {
        String t = node.type();
        if ("if_statement".equals(t)) {
            return CognitiveKind.IF;
        }
        if (LOOPS.contains(t)) {
            return CognitiveKind.LOOP;
        }
        switch (t) {
            case "switch_expression":
            case "switch_statement":
                return CognitiveKind.SWITCH;
            case "catch_clause":
                return CognitiveKind.CATCH;
            case "ternary_expression":
                return CognitiveKind.TERNARY;
            case "lambda_expression":
                return CognitiveKind.NESTING;
            case "break_statement":
            case "continue_statement":
                return node.childOfType("identifier") != null ? CognitiveKind.JUMP : CognitiveKind.NONE;
            default:
                return CognitiveKind.NONE;
        }
    }

    @Override
    String logicalOperator(SyntaxNode node) {
        if (!"binary_expression".equals(node.type())) {
            return null;
        }
        SyntaxNode op = node.child("operator");
        return op != null && ("&&".equals(op.type()) || "||".equals(op.type())) ? op.type() : null;
    }

    @Override
    CallSite call(SyntaxNode node, SyntaxTree tree) {
        if (!"method_invocation".equals(node.type())) {
            return null;
        }
        SyntaxNode name = node.child("name");
        if (name == null) {
            return null;
        }
        SyntaxNode object = node.child("object");
        String receiver = null;
        if (object != null) {
            String text = tree.text(object);
            receiver = isPlainName(text) ? text : null;
        }
        return new CallSite(tree.text(name), receiver, object != null);
    }

    @Override
    Map<String, String> imports(SyntaxTree tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntaxNode c : tree.root().children()) {
            if (!"import_declaration".equals(c.type()) || c.childOfType("asterisk") != null) {
                continue;
            }
            for (SyntaxNode n : c.children()) {
                if ("scoped_identifier".equals(n.type()) || "identifier".equals(n.type())) {
                    String qualified = tree.text(n);
                    out.put(lastSegment(qualified), qualified);
                }
            }
        }
        return out;
    }

    @Override
    String packageName(SyntaxTree tree) {
        for (SyntaxNode c : tree.root().children()) {
            if ("package_declaration".equals(c.type())) {
                for (SyntaxNode n : c.children()) {
                    if ("scoped_identifier".equals(n.type()) || "identifier".equals(n.type())) {
                        return tree.text(n);
                    }
                }
            }
        }
        return null;
    }

    @Override
    boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts) {
        SyntaxNode modifiers = declaration.childOfType("modifiers");
        boolean isPublic = modifiers != null && modifiers.hasToken("public");
        boolean isPrivate = modifiers != null && modifiers.hasToken("private");
        if (isPublic) {
            return true;
        }
        return enclosingType != null && !isPrivate
                && ("interface_declaration".equals(enclosingType.type())
                        || "annotation_type_declaration".equals(enclosingType.type()));
    }
}
