package dev.vulcan.tool.complexity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Go rules (tree-sitter-go). */
final class GoRules extends LanguageRules {
    private static final Set<String> CONDITIONS = Set.of("if", "for", "while", "catch", "case", "&&", "||", "?");
    private static final Set<String> ATOMIC =
            Set.of("interpreted_string_literal", "raw_string_literal", "rune_literal");

    @Override
    boolean isCondition(SyntaxNode leaf) {
        return !leaf.named() && CONDITIONS.contains(leaf.type());
    }

    @Override
    SymbolKind functionKind(SyntaxNode node) {
        switch (node.type()) {
            case "function_declaration":
                return node.child("body") == null ? null : SymbolKind.FUNCTION;
            case "method_declaration":
                return node.child("body") == null ? null : SymbolKind.METHOD;
            case "func_literal":
                return SymbolKind.ANONYMOUS;
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
        if (!"type_spec".equals(node.type())) {
            return null;
        }
        SyntaxNode type = node.child("type");
        if (type == null) {
            return SymbolKind.TYPE;
        }
        switch (type.type()) {
            case "struct_type":
                return SymbolKind.STRUCT;
            case "interface_type":
                return SymbolKind.INTERFACE;
            default:
                return SymbolKind.TYPE;
        }
    }

    @Override
    String typeName(SyntaxNode node, SyntaxTree tree) {
        SyntaxNode name = node.child("name");
        return name == null ? null : tree.text(name);
    }

    @Override
    int parameterCount(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode params = function.child("parameters");
        if (params == null) {
            return 0;
        }
        int n = 0;
        for (SyntaxNode c : params.children()) {
            if ("parameter_declaration".equals(c.type())) {
                n += Math.max(1, c.childrenOf("name").size());
            } else if ("variadic_parameter_declaration".equals(c.type())) {
                n++;
            }
        }
        return n;
    }

    @Override
    boolean isAtomicToken(SyntaxNode node) {
        return ATOMIC.contains(node.type());
    }

    @Override
    CognitiveKind cognitiveKind(SyntaxNode node) {
        switch (node.type()) {
            case "if_statement":
                return CognitiveKind.IF;
            case "for_statement":
                return CognitiveKind.LOOP;
            case "expression_switch_statement":
            case "type_switch_statement":
            case "select_statement":
                return CognitiveKind.SWITCH;
            case "goto_statement":
                return CognitiveKind.JUMP;
            case "break_statement":
            case "continue_statement":
                return node.childOfType("label_name") != null ? CognitiveKind.JUMP : CognitiveKind.NONE;
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
        if (!"call_expression".equals(node.type())) {
            return null;
        }
        SyntaxNode function = node.child("function");
        if (function == null) {
            return null;
        }
        if ("identifier".equals(function.type())) {
            return new CallSite(tree.text(function), null, false);
        }
        if ("selector_expression".equals(function.type())) {
            SyntaxNode field = function.child("field");
            SyntaxNode operand = function.child("operand");
            if (field == null) {
                return null;
            }
            String receiver = operand == null ? null : tree.text(operand);
            return new CallSite(tree.text(field), receiver != null && isPlainName(receiver) ? receiver : null, true);
        }
        return null;
    }

    @Override
    Map<String, String> imports(SyntaxTree tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntaxNode c : tree.root().children()) {
            if ("import_declaration".equals(c.type())) {
                collectImports(c, tree, out);
            }
        }
        return out;
    }

    private static void collectImports(SyntaxNode node, SyntaxTree tree, Map<String, String> out) {
        for (SyntaxNode c : node.children()) {
            if ("import_spec".equals(c.type())) {
                SyntaxNode path = c.child("path");
                if (path == null) {
                    continue;
                }
                String text = tree.text(path);
                String importPath = text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
                SyntaxNode alias = c.child("name");
                if (alias != null && !"package_identifier".equals(alias.type())) {
                    continue;
                }
                String local = alias != null ? tree.text(alias)
                        : importPath.substring(importPath.lastIndexOf('/') + 1);
                out.put(local, importPath);
            } else if ("import_spec_list".equals(c.type())) {
                collectImports(c, tree, out);
            }
        }
    }

    @Override
    String packageName(SyntaxTree tree) {
        for (SyntaxNode c : tree.root().children()) {
            if ("package_clause".equals(c.type())) {
                SyntaxNode id = c.childOfType("package_identifier");
                return id == null ? null : tree.text(id);
            }
        }
        return null;
    }

    @Override
    String receiverType(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode receiver = function.child("receiver");
        if (receiver == null) {
            return null;
        }
        SyntaxNode id = firstOfType(receiver, "type_identifier");
        return id == null ? null : tree.text(id);
    }

    private static SyntaxNode firstOfType(SyntaxNode node, String type) {
        if (type.equals(node.type())) {
            return node;
        }
        for (SyntaxNode c : node.children()) {
            SyntaxNode found = firstOfType(c, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    Set<String> selfNames() {
        return Set.of();
    }

    @Override
    boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts) {
        return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
    }
}
