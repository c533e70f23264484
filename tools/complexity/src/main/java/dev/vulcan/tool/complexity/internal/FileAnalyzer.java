package dev.vulcan.tool.complexity.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures one parsed file: functions (CCN, cognitive complexity, nloc, parameters, tokens), symbols and calls.
 * Nested functions are measured on their own and excluded from the enclosing function, as lizard does.
 */
public final class FileAnalyzer {
    private final SyntaxTree tree;
    private final LanguageRules rules;
    private final String packageName;
    private final LanguageRules.FileFacts facts;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final List<FunctionMetrics> functions = new ArrayList<>();
    private final List<SymbolInfo> symbols = new ArrayList<>();
    private final List<RawCall> rawCalls = new ArrayList<>();

    private FileAnalyzer(Language language, SyntaxTree tree) {
        this.tree = tree;
        this.rules = language.rules();
        this.packageName = rules.packageName(tree);
        this.facts = rules.facts(tree);
    }

    /**
     * Analyzes a parsed file.
     *
     * @param path the repo-relative path
     * @param language its language
     * @param tree its parse tree
     * @return the measures
     * @throws NullPointerException if an argument is null
     */
    public static FileAnalysis analyze(String path, Language language, SyntaxTree tree) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tree, "tree");
        FileAnalyzer analyzer = new FileAnalyzer(language, tree);
        analyzer.walk(tree.root());
        BitSet lines = new BitSet();
        analyzer.codeLines(tree.root(), lines);
        return new FileAnalysis(path, language, lines.cardinality(), analyzer.functions, analyzer.symbols,
                analyzer.resolveCalls(), tree.errorNodes(), tree.firstErrorLine());
    }

    private record Scope(String name, SyntaxNode node, boolean function, boolean exported, boolean type) {
    }

    private record RawCall(String caller, CallSite site, int line) {
    }

    private void walk(SyntaxNode node) {
        SymbolKind fnKind = rules.functionKind(node);
        if (fnKind != null) {
            enterFunction(node, fnKind);
            return;
        }
        SymbolKind typeKind = rules.typeKind(node);
        if (typeKind != null) {
            String name = rules.typeName(node, tree);
            if (name != null) {
                boolean exported = enclosingExported() && rules.isExported(node, name, typeKind, enclosingType(), facts);
                symbols.add(new SymbolInfo(name, qualify(name, null), typeKind, node.startLine(), node.endLine(),
                        exported));
                scopes.push(new Scope(name, node, false, exported, true));
            } else {
                scopes.push(new Scope(LanguageRules.ANONYMOUS, node, false, false, true));
            }
            walkChildren(node);
            scopes.pop();
            return;
        }
        String scopeName = rules.scopeName(node, tree);
        if (scopeName != null) {
            boolean exported = !LanguageRules.ANONYMOUS.equals(scopeName) && enclosingExported()
                    && "namespace_definition".equals(node.type());
            scopes.push(new Scope(scopeName, node, false, exported, !"namespace_definition".equals(node.type())));
            walkChildren(node);
            scopes.pop();
            return;
        }
        CallSite call = rules.call(node, tree);
        if (call != null) {
            rawCalls.add(new RawCall(currentFunction(), call, node.startLine()));
        }
        walkChildren(node);
    }

    private void walkChildren(SyntaxNode node) {
        for (SyntaxNode c : node.children()) {
            walk(c);
        }
    }

    private void enterFunction(SyntaxNode node, SymbolKind syntacticKind) {
        String name = rules.functionName(node, tree);
        SymbolKind kind = rules.refineKind(syntacticKind, name);
        String written = rules.receiverType(node, tree);
        String qualified = qualify(name, written);
        Measures m = measure(node, name);
        functions.add(new FunctionMetrics(name, qualified, kind, node.startLine(), node.endLine(), m.nloc,
                rules.parameterCount(node, tree), m.tokens, m.ccn, m.cognitive));
        boolean exported = false;
        if (kind != SymbolKind.ANONYMOUS) {
            exported = enclosingExported() && rules.isExported(node, name, kind, enclosingType(), facts);
            symbols.add(new SymbolInfo(name, qualified, kind, node.startLine(), node.endLine(), exported));
        }
        scopes.push(new Scope(written == null ? name : written + "." + name, node, true, false, false));
        walkChildren(node);
        scopes.pop();
    }

    private boolean enclosingExported() {
        for (Scope s : scopes) {
            if (s.function || !s.exported) {
                return false;
            }
        }
        return true;
    }

    private SyntaxNode enclosingType() {
        for (Scope s : scopes) {
            if (s.type) {
                return s.node;
            }
        }
        return null;
    }

    private String currentFunction() {
        if (scopes.isEmpty() || !scopes.peek().function) {
            return null;
        }
        return qualify(null, null);
    }

    /** Joins package, enclosing scopes (outermost first), a written scope (Go receiver, C++ A::) and the name. */
    private String qualify(String name, String writtenScope) {
        StringBuilder sb = new StringBuilder();
        if (packageName != null) {
            sb.append(packageName);
        }
        var it = scopes.descendingIterator();
        while (it.hasNext()) {
            appendPart(sb, it.next().name);
        }
        if (writtenScope != null) {
            appendPart(sb, writtenScope);
        }
        if (name != null) {
            appendPart(sb, name);
        }
        return sb.toString();
    }

    private static void appendPart(StringBuilder sb, String part) {
        if (sb.length() > 0) {
            sb.append('.');
        }
        sb.append(part);
    }

    private static final class Measures {
        int ccn = 1;
        int tokens;
        int nloc;
        int cognitive;
        boolean recursive;
    }

    private Measures measure(SyntaxNode function, String name) {
        Measures m = new Measures();
        BitSet lines = new BitSet();
        for (SyntaxNode c : function.children()) {
            if (!rules.outsideFunction(function, c)) {
                count(c, m, lines, name, rules.countsConditions(function, c));
            }
        }
        m.nloc = lines.cardinality();
        Cognitive cognitive = new Cognitive();
        for (SyntaxNode c : function.children()) {
            cognitive.visit(c, 0);
        }
        m.cognitive = cognitive.total + (m.recursive ? 1 : 0);
        return m;
    }

    /**
     * Counts CCN conditions (when {@code conditions}), tokens and code lines of a function, skipping nested
     * functions.
     */
    private void count(SyntaxNode node, Measures m, BitSet lines, String name, boolean conditions) {
        if (rules.functionKind(node) != null || rules.isComment(node) || rules.isDocString(node, tree)) {
            return;
        }
        CallSite call = rules.call(node, tree);
        if (call != null && call.callee().equals(name)
                && (!call.hasReceiver() || call.receiver() != null && rules.selfNames().contains(call.receiver()))) {
            m.recursive = true;
        }
        if (node.isLeaf()) {
            if (conditions && rules.isCondition(node, tree)) {
                m.ccn++;
            }
            if (node.endByte() > node.startByte()) {
                m.tokens++;
                lines.set(node.startLine(), node.endLine() + 1);
            }
            return;
        }
        if (rules.isAtomicToken(node)) {
            m.tokens++;
            lines.set(node.startLine(), node.endLine() + 1);
            if (conditions) {
                countConditionsOnly(node, m);
            }
            return;
        }
        for (SyntaxNode c : node.children()) {
            count(c, m, lines, name, conditions);
        }
    }

    /** Counts conditions inside an atomic token (code interpolated in f-strings and template strings). */
    private void countConditionsOnly(SyntaxNode node, Measures m) {
        for (SyntaxNode c : node.children()) {
            if (rules.functionKind(c) != null) {
                continue;
            }
            if (c.isLeaf()) {
                if (rules.isCondition(c, tree)) {
                    m.ccn++;
                }
            } else {
                countConditionsOnly(c, m);
            }
        }
    }

    /** Lines holding code in the whole file. */
    private void codeLines(SyntaxNode node, BitSet lines) {
        if (rules.isComment(node) || rules.isDocString(node, tree)) {
            return;
        }
        if (node.isLeaf() || rules.isAtomicToken(node)) {
            if (node.endByte() > node.startByte()) {
                lines.set(node.startLine(), node.endLine() + 1);
            }
            return;
        }
        for (SyntaxNode c : node.children()) {
            codeLines(c, lines);
        }
    }

    /** SonarSource cognitive complexity of one function body. */
    private final class Cognitive {
        int total;

        void visit(SyntaxNode node, int nesting) {
            if (rules.functionKind(node) != null) {
                return;
            }
            String op = rules.logicalOperator(node);
            if (op != null) {
                SyntaxNode parent = node.parent();
                if (parent == null || !op.equals(rules.logicalOperator(parent))) {
                    total++;
                }
                visitChildren(node, nesting);
                return;
            }
            switch (rules.cognitiveKind(node)) {
                case IF:
                    visitIf(node, nesting, false);
                    return;
                case LOOP:
                case SWITCH:
                case CATCH:
                case TERNARY:
                    total += 1 + nesting;
                    visitChildren(node, nesting + 1);
                    return;
                case NESTING:
                    visitChildren(node, nesting + 1);
                    return;
                case JUMP:
                    total++;
                    visitChildren(node, nesting);
                    return;
                default:
                    visitChildren(node, nesting);
            }
        }

        private void visitChildren(SyntaxNode node, int nesting) {
            for (SyntaxNode c : node.children()) {
                visit(c, nesting);
            }
        }

        private void visitIf(SyntaxNode node, int nesting, boolean elseIf) {
            total += elseIf ? 1 : 1 + nesting;
            for (SyntaxNode c : node.children()) {
                if ("condition".equals(c.field())) {
                    visit(c, nesting);
                } else if ("alternative".equals(c.field())) {
                    visitAlternative(c, nesting);
                } else {
                    visit(c, nesting + 1);
                }
            }
        }

        /** else / else if / elif: a flat +1 each; an else-if continues the chain at the same nesting. */
        private void visitAlternative(SyntaxNode alternative, int nesting) {
            if ("if_statement".equals(alternative.type())) {
                visitIf(alternative, nesting, true);
                return;
            }
            if ("elif_clause".equals(alternative.type())) {
                total++;
                for (SyntaxNode c : alternative.children()) {
                    visit(c, "condition".equals(c.field()) ? nesting : nesting + 1);
                }
                return;
            }
            if ("else_clause".equals(alternative.type())) {
                SyntaxNode only = null;
                int statements = 0;
                for (SyntaxNode c : alternative.children()) {
                    if (c.named() && !rules.isComment(c)) {
                        statements++;
                        only = c;
                    }
                }
                if (statements == 1 && "if_statement".equals(only.type())) {
                    visitIf(only, nesting, true);
                    return;
                }
            }
            total++;
            visit(alternative, nesting + 1);
        }
    }

    private List<CallInfo> resolveCalls() {
        Map<String, List<FunctionMetrics>> byName = new HashMap<>();
        for (FunctionMetrics f : functions) {
            if (f.kind() != SymbolKind.ANONYMOUS) {
                byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String> imports = rules.imports(tree);
        List<CallInfo> out = new ArrayList<>(rawCalls.size());
        for (RawCall raw : rawCalls) {
            CallSite site = raw.site;
            String receiver = site.receiver();
            String resolved = null;
            CallInfo.Resolution how = CallInfo.Resolution.UNRESOLVED;
            List<FunctionMetrics> local = byName.getOrDefault(site.callee(), List.of());
            boolean selfCall = !site.hasReceiver() || receiver != null && rules.selfNames().contains(receiver);
            if (selfCall && !local.isEmpty()) {
                if (local.size() == 1) {
                    resolved = local.get(0).qualifiedName();
                    how = CallInfo.Resolution.SAME_FILE;
                }
            } else if (!site.hasReceiver() && imports.containsKey(site.callee())) {
                resolved = imports.get(site.callee());
                how = CallInfo.Resolution.IMPORT;
            } else if (receiver != null && imports.containsKey(receiver)) {
                resolved = imports.get(receiver) + "." + site.callee();
                how = CallInfo.Resolution.IMPORT;
            } else if (receiver != null) {
                String suffix = "." + receiver + "." + site.callee();
                List<FunctionMetrics> matches = new ArrayList<>();
                for (FunctionMetrics f : local) {
                    if (f.qualifiedName().endsWith(suffix) || f.qualifiedName().equals(receiver + "." + site.callee())) {
                        matches.add(f);
                    }
                }
                if (matches.size() == 1) {
                    resolved = matches.get(0).qualifiedName();
                    how = CallInfo.Resolution.SAME_FILE;
                }
            }
            out.add(new CallInfo(raw.caller, site.callee(), receiver, resolved, how, raw.line));
        }
        return out;
    }
}
