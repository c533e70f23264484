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
