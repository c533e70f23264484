package dev.vulcan.tool.complexity.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Python rules (tree-sitter-python). */
final class PythonRules extends LanguageRules {
    private static final Set<String> CONDITIONS =
            Set.of("if", "elif", "for", "while", "except", "finally", "and", "or", "case");
    private static final Set<String> NOT_PARAMETERS = Set.of("positional_separator", "keyword_separator", "comment");

    @Override
    boolean isCondition(SyntaxNode leaf) {
        return !leaf.named() && CONDITIONS.contains(leaf.type());
    }

    @Override
    SymbolKind functionKind(SyntaxNode node) {
        if (!"function_definition".equals(node.type())) {
            return null;
        }
        return enclosingClass(node) != null ? SymbolKind.METHOD : SymbolKind.FUNCTION;
    }

    /** The class whose body directly holds the function (through a decorator), or null. */
    private static SyntaxNode enclosingClass(SyntaxNode function) {
        SyntaxNode p = function.parent();
        if (p != null && "decorated_definition".equals(p.type())) {
            p = p.parent();
        }
        if (p != null && "block".equals(p.type()) && p.parent() != null
                && "class_definition".equals(p.parent().type())) {
            return p.parent();
        }
        return null;
    }

    @Override
    String functionName(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode name = function.child("name");
        return name == null ? ANONYMOUS : tree.text(name);
    }

    @Override
    SymbolKind typeKind(SyntaxNode node) {
        return "class_definition".equals(node.type()) ? SymbolKind.CLASS : null;
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
        for (SyntaxNode c : params.namedChildren()) {
            if (!NOT_PARAMETERS.contains(c.type())) {
                n++;
            }
        }
        return n;
    }

    @Override
    boolean isAtomicToken(SyntaxNode node) {
        return "string".equals(node.type());
    }

    @Override
    boolean isDocString(SyntaxNode node, SyntaxTree tree) {
        if (!"expression_statement".equals(node.type())) {
            return false;
        }
        var named = node.namedChildren();
        return named.size() == 1 && "string".equals(named.get(0).type());
    }

    @Override
    CognitiveKind cognitiveKind(SyntaxNode node) {
        switch (node.type()) {
            case "if_statement":
                return CognitiveKind.IF;
            case "for_statement":
            case "while_statement":
                return CognitiveKind.LOOP;
            case "match_statement":
                return CognitiveKind.SWITCH;
            case "except_clause":
            case "except_group_clause":
                return CognitiveKind.CATCH;
            case "conditional_expression":
                return CognitiveKind.TERNARY;
            case "lambda":
                return CognitiveKind.NESTING;
            default:
                return CognitiveKind.NONE;
        }
    }

    @Override
    String logicalOperator(SyntaxNode node) {
        if (!"boolean_operator".equals(node.type())) {
            return null;
        }
        SyntaxNode op = node.child("operator");
        return op == null ? null : op.type();
    }

    @Override
    CallSite call(SyntaxNode node, SyntaxTree tree) {
        if (!"call".equals(node.type())) {
            return null;
        }
        SyntaxNode function = node.child("function");
        if (function == null) {
            return null;
        }
        if ("identifier".equals(function.type())) {
            return new CallSite(tree.text(function), null, false);
        }
        if ("attribute".equals(function.type())) {
            SyntaxNode attribute = function.child("attribute");
            SyntaxNode object = function.child("object");
            if (attribute == null) {
                return null;
            }
            String receiver = object == null ? null : tree.text(object);
            return new CallSite(tree.text(attribute), receiver != null && isPlainName(receiver) ? receiver : null,
                    true);
        }
        return null;
    }

    @Override
    Map<String, String> imports(SyntaxTree tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntaxNode c : tree.root().children()) {
            if ("import_statement".equals(c.type())) {
                for (SyntaxNode n : c.childrenOf("name")) {
                    if ("dotted_name".equals(n.type())) {
                        String module = tree.text(n);
                        out.put(module, module);
                    } else if ("aliased_import".equals(n.type())) {
                        SyntaxNode name = n.child("name");
                        SyntaxNode alias = n.child("alias");
                        if (name != null && alias != null) {
                            out.put(tree.text(alias), tree.text(name));
                        }
                    }
                }
            } else if ("import_from_statement".equals(c.type())) {
                SyntaxNode module = c.child("module_name");
                if (module == null) {
                    continue;
                }
                String prefix = tree.text(module);
                String sep = prefix.endsWith(".") ? "" : ".";
                for (SyntaxNode n : c.childrenOf("name")) {
                    if ("dotted_name".equals(n.type())) {
                        String name = tree.text(n);
                        out.put(name, prefix + sep + name);
                    } else if ("aliased_import".equals(n.type())) {
                        SyntaxNode name = n.child("name");
                        SyntaxNode alias = n.child("alias");
                        if (name != null && alias != null) {
                            out.put(tree.text(alias), prefix + sep + tree.text(name));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    Set<String> selfNames() {
        return Set.of("self", "cls");
    }

    @Override
    FileFacts facts(SyntaxTree tree) {
        for (SyntaxNode c : tree.root().children()) {
            if (!"expression_statement".equals(c.type()) || c.children().isEmpty()) {
                continue;
            }
            SyntaxNode assignment = c.children().get(0);
            if (!"assignment".equals(assignment.type())) {
                continue;
            }
            SyntaxNode left = assignment.child("left");
            SyntaxNode right = assignment.child("right");
            if (left == null || right == null || !"__all__".equals(tree.text(left))
                    || !("list".equals(right.type()) || "tuple".equals(right.type()))) {
                continue;
            }
            Set<String> names = new HashSet<>();
            for (SyntaxNode s : right.namedChildren()) {
                if ("string".equals(s.type())) {
                    String text = tree.text(s);
                    names.add(text.replaceAll("^[a-zA-Z]*['\"]+|['\"]+$", ""));
                }
            }
            return new FileFacts(Set.copyOf(names), true);
        }
        return FileFacts.NONE;
    }

    @Override
    boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts) {
        if (enclosingType == null && facts.hasExportList()) {
            return facts.exportedNames().contains(name);
        }
        boolean dunder = name.startsWith("__") && name.endsWith("__") && name.length() > 4;
        return !name.startsWith("_") || dunder;
    }
}
