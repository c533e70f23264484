package dev.vulcan.tool.complexity.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-language knowledge the generic {@link FileAnalyzer} needs: which tree-sitter nodes are functions and
 * types, which tokens are lizard conditions, how cognitive complexity classifies nodes, parameters, export rules,
 * calls and imports. The README documents the rules of every language.
 */
abstract class LanguageRules {
    static final String ANONYMOUS = "(anonymous)";
    private static final Pattern PLAIN_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\\.|::)[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Set<String> COMMENTS = Set.of("comment", "line_comment", "block_comment");

    /** Whether this leaf token adds 1 to lizard's CCN. */
    abstract boolean isCondition(SyntaxNode leaf);

    /**
     * Whether this leaf token adds 1 to lizard's CCN when the source around it matters (Java wildcards); by
     * default {@link #isCondition(SyntaxNode)}.
     */
    boolean isCondition(SyntaxNode leaf, SyntaxTree tree) {
        return isCondition(leaf);
    }

    /**
     * Whether lizard counts the conditions inside this direct child of a function. By default every part inside
     * the function counts; Java counts only the body (lizard restarts the count at the body's opening brace).
     */
    boolean countsConditions(SyntaxNode function, SyntaxNode child) {
        return true;
    }

    /** The kind of function this node declares, or null when it is not a function with a body. */
    abstract SymbolKind functionKind(SyntaxNode node);

    /** The kind of a function once its name is known (a JavaScript method named constructor...). */
    SymbolKind refineKind(SymbolKind kind, String name) {
        return kind;
    }

    /** The simple name of a function node. */
    abstract String functionName(SyntaxNode function, SyntaxTree tree);

    /** The kind of class-like type this node declares, or null. */
    abstract SymbolKind typeKind(SyntaxNode node);

    /** The name of a class-like node, or null when anonymous. */
    abstract String typeName(SyntaxNode node, SyntaxTree tree);

    /** Whether this node opens an unnamed scope for qualified names (anonymous class, namespace...). */
    String scopeName(SyntaxNode node, SyntaxTree tree) {
        return null;
    }

    /** The number of parameters of a function node. */
    abstract int parameterCount(SyntaxNode function, SyntaxTree tree);

    /** Whether this direct child of a function is outside lizard's function (modifiers, return type...). */
    boolean outsideFunction(SyntaxNode function, SyntaxNode child) {
        return false;
    }

    /** Whether the node is a comment. */
    boolean isComment(SyntaxNode node) {
        return COMMENTS.contains(node.type());
    }

    /** Whether a node is one token (string and character literals). */
    abstract boolean isAtomicToken(SyntaxNode node);

    /** Whether a statement is a documentation string counted as a comment (Python). */
    boolean isDocString(SyntaxNode node, SyntaxTree tree) {
        return false;
    }

    /** The cognitive role of a node. */
    abstract CognitiveKind cognitiveKind(SyntaxNode node);

    /** The operator when the node is a short-circuit logical binary expression, else null. */
    abstract String logicalOperator(SyntaxNode node);

    /** The call written at this node, or null when it is not a call. */
    abstract CallSite call(SyntaxNode node, SyntaxTree tree);

    /** The imports of the file: local name (or dotted receiver) to qualified target. */
    abstract Map<String, String> imports(SyntaxTree tree);

    /** The package prefix of qualified names (Java package, Go package), or null. */
    String packageName(SyntaxTree tree) {
        return null;
    }

    /** The receiver type that qualifies a method declared outside its type (Go), or null. */
    String receiverType(SyntaxNode function, SyntaxTree tree) {
        return null;
    }

    /** The names the receiver takes for "this object". */
    Set<String> selfNames() {
        return Set.of("this");
    }

    /**
     * Whether a declaration is exported, given that every enclosing scope is an exported type (functions and
     * unexported types were already ruled out by the caller).
     */
    abstract boolean isExported(SyntaxNode declaration, String name, SymbolKind kind, SyntaxNode enclosingType,
            FileFacts facts);

    /** Facts about the whole file needed by the export rules. */
    FileFacts facts(SyntaxTree tree) {
        return FileFacts.NONE;
    }

    static boolean isPlainName(String text) {
        return text.length() <= 200 && PLAIN_NAME.matcher(text).matches();
    }

    static String lastSegment(String dotted) {
        int i = Math.max(dotted.lastIndexOf('.'), dotted.lastIndexOf(':'));
        return i < 0 ? dotted : dotted.substring(i + 1);
    }

    /** File-wide facts: explicitly exported names (JS export clauses, Python __all__). */
    record FileFacts(Set<String> exportedNames, boolean hasExportList) {
        static final FileFacts NONE = new FileFacts(Set.of(), false);
    }
}
