package dev.vulcan.tool.complexity.internal;

import java.util.Map;
import java.util.Set;

/** C and C++ rules (tree-sitter-c, tree-sitter-cpp). */
final class CRules extends LanguageRules {
    private static final Set<String> CONDITIONS = Set.of("if", "for", "while", "catch", "case", "&&", "||", "?",
            "and", "or");
    private static final Set<String> LOOPS = Set.of("for_statement", "while_statement", "do_statement",
            "for_range_loop");
    private static final Set<String> ATOMIC = Set.of("string_literal", "char_literal", "raw_string_literal",
            "system_lib_string");
    private static final Set<String> NAME_TYPES = Set.of("identifier", "field_identifier", "qualified_identifier",
            "destructor_name", "operator_name", "template_function", "operator_cast");

    @Override
    boolean isCondition(SyntaxNode leaf) {
        return !leaf.named() && CONDITIONS.contains(leaf.type());
    }

    @Override
    SymbolKind functionKind(SyntaxNode node) {
        if (!"function_definition".equals(node.type()) || node.child("body") == null) {
            return null;
        }
        SyntaxNode p = node.parent();
        if (p != null && "template_declaration".equals(p.type())) {
            p = p.parent();
        }
        if (p != null && "field_declaration_list".equals(p.type())) {
            return SymbolKind.METHOD;
        }
        SyntaxNode name = nameNode(node);
        return name != null && "qualified_identifier".equals(name.type()) ? SymbolKind.METHOD : SymbolKind.FUNCTION;
    }

    /** The declarator naming a function definition. */
    private static SyntaxNode nameNode(SyntaxNode function) {
        SyntaxNode d = function.child("declarator");
        for (int i = 0; d != null && i < 16; i++) {
            if ("function_declarator".equals(d.type())) {
                SyntaxNode name = d.child("declarator");
                return name != null && NAME_TYPES.contains(name.type()) ? name : null;
            }
            d = d.child("declarator");
        }
        return null;
    }

    private static SyntaxNode functionDeclarator(SyntaxNode function) {
        SyntaxNode d = function.child("declarator");
        for (int i = 0; d != null && i < 16; i++) {
            if ("function_declarator".equals(d.type())) {
                return d;
            }
            d = d.child("declarator");
        }
        return null;
    }

    @Override
    String functionName(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode name = nameNode(function);
        if (name == null) {
            return ANONYMOUS;
        }
        String text = tree.text(name).replaceAll("\\s+", "");
        int i = text.lastIndexOf("::");
        return i < 0 ? text : text.substring(i + 2);
    }

    /** The scope written in a qualified definition such as {@code A::f}, or null. */
    String writtenScope(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode name = nameNode(function);
        if (name == null || !"qualified_identifier".equals(name.type())) {
            return null;
        }
        String text = tree.text(name).replaceAll("\\s+", "");
        int i = text.lastIndexOf("::");
        return i <= 0 ? null : text.substring(0, i).replace("::", ".");
    }

    @Override
    String receiverType(SyntaxNode function, SyntaxTree tree) {
        return writtenScope(function, tree);
    }

    @Override
    SymbolKind typeKind(SyntaxNode node) {
        if (node.child("body") == null) {
            return null;
        }
        switch (node.type()) {
            case "class_specifier":
                return SymbolKind.CLASS;
            case "struct_specifier":
                return SymbolKind.STRUCT;
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
        if (!"namespace_definition".equals(node.type())) {
            return null;
        }
        SyntaxNode name = node.child("name");
        return name == null ? ANONYMOUS : tree.text(name).replace("::", ".");
    }

    @Override
    int parameterCount(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode declarator = functionDeclarator(function);
        SyntaxNode params = declarator == null ? null : declarator.child("parameters");
        if (params == null) {
            return 0;
        }
        int n = 0;
        for (SyntaxNode c : params.namedChildren()) {
            if (!isComment(c)) {
                n++;
            }
        }
        if (n == 1) {
            SyntaxNode only = params.namedChildren().get(0);
            if ("parameter_declaration".equals(only.type()) && "void".equals(tree.text(only).trim())) {
                return 0;
            }
        }
        return n;
    }

    @Override
    boolean outsideFunction(SyntaxNode function, SyntaxNode child) {
        return "type".equals(child.field()) || "storage_class_specifier".equals(child.type());
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
            case "switch_statement":
                return CognitiveKind.SWITCH;
            case "catch_clause":
                return CognitiveKind.CATCH;
            case "conditional_expression":
                return CognitiveKind.TERNARY;
            case "lambda_expression":
                return CognitiveKind.NESTING;
            case "goto_statement":
                return CognitiveKind.JUMP;
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
        if (op == null) {
            return null;
        }
        switch (op.type()) {
            case "&&":
            case "and":
                return "&&";
            case "||":
            case "or":
                return "||";
            default:
                return null;
        }
    }

    @Override
    CallSite call(SyntaxNode node, SyntaxTree tree) {
        if (!"call_expression".equals(node.type())) {
            return null;
        }
        SyntaxNode function = node.child("function");
        if (function == null) {
            return null;
        }
        switch (function.type()) {
            case "identifier":
                return new CallSite(tree.text(function), null, false);
            case "field_expression": {
                SyntaxNode field = function.child("field");
                SyntaxNode argument = function.child("argument");
                if (field == null) {
                    return null;
                }
                String receiver = argument == null ? null : tree.text(argument);
                return new CallSite(tree.text(field), receiver != null && isPlainName(receiver) ? receiver : null,
                        true);
            }
            case "qualified_identifier": {
                String text = tree.text(function).replaceAll("\\s+", "");
                int i = text.lastIndexOf("::");
                if (i < 0 || !isPlainName(text)) {
                    return null;
                }
                return new CallSite(text.substring(i + 2), i == 0 ? null : text.substring(0, i).replace("::", "."),
                        true);
            }
            default:
                return null;
        }
    }

    @Override
    Map<String, String> imports(SyntaxTree tree) {
        return Map.of();
    }

    @Override
    boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts) {
        for (SyntaxNode c : declaration.children()) {
            if ("storage_class_specifier".equals(c.type()) && c.hasToken("static")) {
                return enclosingType != null && memberIsPublic(declaration, enclosingType);
            }
        }
        return enclosingType == null || memberIsPublic(declaration, enclosingType);
    }

    /** Whether a member is public: the last access specifier before it, else the class (private)/struct default. */
    private static boolean memberIsPublic(SyntaxNode member, SyntaxNode type) {
        SyntaxNode body = type.child("body");
        boolean isPublic = !"class_specifier".equals(type.type());
        if (body == null) {
            return isPublic;
        }
        SyntaxNode target = member;
        while (target.parent() != null && target.parent() != body) {
            target = target.parent();
        }
        for (SyntaxNode c : body.children()) {
            if (c == target) {
                break;
            }
            if ("access_specifier".equals(c.type())) {
                isPublic = c.hasToken("public");
            }
        }
        return isPublic;
    }
}
