package dev.vulcan.tool.complexity.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** JavaScript and TypeScript rules (tree-sitter-javascript, tree-sitter-typescript). */
final class JsRules extends LanguageRules {
    private static final Set<String> CONDITIONS = Set.of("if", "for", "while", "catch", "case", "&&", "||");
    private static final Set<String> NAMED_FUNCTIONS = Set.of("function_declaration",
            "generator_function_declaration");
    private static final Set<String> EXPRESSION_FUNCTIONS = Set.of("function_expression", "function",
            "generator_function", "arrow_function");
    private static final Set<String> LOOPS = Set.of("for_statement", "for_in_statement", "while_statement",
            "do_statement");
    private static final Set<String> ATOMIC = Set.of("string", "template_string", "regex");
    private static final Set<String> LOGICAL = Set.of("&&", "||", "??");

    @Override
    boolean isCondition(SyntaxNode leaf) {
        if (leaf.named()) {
            return false;
        }
        if ("?".equals(leaf.type())) {
            return leaf.parent() != null && "ternary_expression".equals(leaf.parent().type());
        }
        return CONDITIONS.contains(leaf.type());
    }

    @Override
    SymbolKind functionKind(SyntaxNode node) {
        String t = node.type();
        if (NAMED_FUNCTIONS.contains(t)) {
            return SymbolKind.FUNCTION;
        }
        if ("method_definition".equals(t)) {
            return SymbolKind.METHOD;
        }
        if (EXPRESSION_FUNCTIONS.contains(t) && node.named()) {
            return boundName(node) == null && node.child("name") == null ? SymbolKind.ANONYMOUS : SymbolKind.FUNCTION;
        }
        return null;
    }

    /** The node naming a function expression: the variable, property, field or assignment target. */
    private static SyntaxNode boundName(SyntaxNode function) {
        SyntaxNode p = function.parent();
        if (p == null) {
            return null;
        }
        switch (p.type()) {
            case "variable_declarator":
                SyntaxNode name = p.child("name");
                return name != null && "identifier".equals(name.type()) ? name : null;
            case "pair":
                return p.child("key");
            case "assignment_expression":
                return p.child("left");
            case "public_field_definition":
            case "field_definition":
                return p.child("name") != null ? p.child("name") : p.child("property");
            default:
                return null;
        }
    }

    @Override
    SymbolKind refineKind(SymbolKind kind, String name) {
        return kind == SymbolKind.METHOD && "constructor".equals(name) ? SymbolKind.CONSTRUCTOR : kind;
    }

    @Override
    String functionName(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode name = function.child("name");
        if (name != null) {
            return tree.text(name);
        }
        name = boundName(function);
        if (name == null) {
            return ANONYMOUS;
        }
        String text = tree.text(name);
        return isPlainName(text) ? lastSegment(text) : ANONYMOUS;
    }

    @Override
    SymbolKind typeKind(SyntaxNode node) {
        switch (node.type()) {
            case "class_declaration":
            case "abstract_class_declaration":
                return SymbolKind.CLASS;
            case "class":
                return node.named() ? SymbolKind.CLASS : null;
            case "interface_declaration":
                return SymbolKind.INTERFACE;
            case "enum_declaration":
                return SymbolKind.ENUM;
            default:
                return null;
        }
    }

    @Override
    String typeName(SyntaxNode node, SyntaxTree tree) {
        SyntaxNode name = node.child("name");
        if (name == null && node.parent() != null && "variable_declarator".equals(node.parent().type())) {
            name = node.parent().child("name");
        }
        return name == null ? null : tree.text(name);
    }

    @Override
    String scopeName(SyntaxNode node, SyntaxTree tree) {
        return "class".equals(node.type()) && typeName(node, tree) == null ? ANONYMOUS : null;
    }

    @Override
    int parameterCount(SyntaxNode function, SyntaxTree tree) {
        SyntaxNode params = function.child("parameters");
        if (params == null) {
            return function.child("parameter") != null ? 1 : 0;
        }
        int n = 0;
        for (SyntaxNode c : params.namedChildren()) {
            if (!isComment(c)) {
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
            case "ternary_expression":
                return CognitiveKind.TERNARY;
            case "break_statement":
            case "continue_statement":
                return node.child("label") != null || node.childOfType("statement_identifier") != null
                        ? CognitiveKind.JUMP : CognitiveKind.NONE;
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
        return op != null && LOGICAL.contains(op.type()) ? op.type() : null;
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
        if ("member_expression".equals(function.type())) {
            SyntaxNode property = function.child("property");
            SyntaxNode object = function.child("object");
            if (property == null) {
                return null;
            }
            String receiver = object == null ? null : tree.text(object);
            return new CallSite(tree.text(property), receiver != null && isPlainName(receiver) ? receiver : null,
                    true);
        }
        return null;
    }

    @Override
    Map<String, String> imports(SyntaxTree tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntaxNode c : tree.root().children()) {
            if (!"import_statement".equals(c.type())) {
                continue;
            }
            SyntaxNode source = c.child("source");
            SyntaxNode clause = c.childOfType("import_clause");
            if (source == null || clause == null) {
                continue;
            }
            String module = unquote(tree.text(source));
            for (SyntaxNode part : clause.children()) {
                switch (part.type()) {
                    case "identifier":
                        out.put(tree.text(part), module + ".default");
                        break;
                    case "namespace_import":
                        SyntaxNode ns = part.childOfType("identifier");
                        if (ns != null) {
                            out.put(tree.text(ns), module);
                        }
                        break;
                    case "named_imports":
                        for (SyntaxNode spec : part.children()) {
                            if ("import_specifier".equals(spec.type()) && spec.child("name") != null) {
                                String name = tree.text(spec.child("name"));
                                SyntaxNode alias = spec.child("alias");
                                out.put(alias == null ? name : tree.text(alias), module + "." + name);
                            }
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return out;
    }

    private static String unquote(String text) {
        return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
    }

    @Override
    FileFacts facts(SyntaxTree tree) {
        Set<String> names = new HashSet<>();
        for (SyntaxNode c : tree.root().children()) {
            if (!"export_statement".equals(c.type()) || c.child("source") != null) {
                continue;
            }
            SyntaxNode clause = c.childOfType("export_clause");
            if (clause == null) {
                continue;
            }
            for (SyntaxNode spec : clause.children()) {
                if ("export_specifier".equals(spec.type()) && spec.child("name") != null) {
                    names.add(tree.text(spec.child("name")));
                }
            }
        }
        return new FileFacts(Set.copyOf(names), false);
    }

    @Override
    boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts) {
        if (enclosingType != null) {
            SyntaxNode nameNode = declaration.child("name");
            if (nameNode != null && "private_property_identifier".equals(nameNode.type())) {
                return false;
            }
            SyntaxNode access = declaration.childOfType("accessibility_modifier");
            return access == null || access.hasToken("public");
        }
        if (facts.exportedNames().contains(name)) {
            return true;
        }
        SyntaxNode n = declaration;
        for (int i = 0; i < 3 && n.parent() != null; i++) {
            n = n.parent();
            if ("export_statement".equals(n.type())) {
                return true;
            }
            if (!"variable_declarator".equals(n.type()) && !"lexical_declaration".equals(n.type())
                    && !"variable_declaration".equals(n.type())) {
                return false;
            }
        }
        return false;
    }
}
