package dev.vulcan.tool.complexity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterC;
import org.treesitter.TreeSitterCpp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

/** The languages analyzed, with their stable external code, file extensions, grammar and rules. */
public enum Language {
    /** Java. */
    JAVA("java", List.of("java"), TreeSitterJava::new, new JavaRules()),
    /** Python. */
    PYTHON("python", List.of("py", "pyi"), TreeSitterPython::new, new PythonRules()),
    /** JavaScript, JSX included. */
    JAVASCRIPT("javascript", List.of("js", "mjs", "cjs", "jsx"), TreeSitterJavascript::new, new JsRules()),
    /** TypeScript (not TSX: the grammar artifact ships the TypeScript dialect only). */
    TYPESCRIPT("typescript", List.of("ts", "mts", "cts"), TreeSitterTypescript::new, new JsRules()),
    /** Go. */
    GO("go", List.of("go"), TreeSitterGo::new, new GoRules()),
    /** C (and {@code .h} headers). */
    C("c", List.of("c", "h"), TreeSitterC::new, new CRules()),
    /** C++. */
    CPP("cpp", List.of("cc", "cpp", "cxx", "c++", "hpp", "hh", "hxx", "h++"), TreeSitterCpp::new, new CRules());

    private final String code;
    private final List<String> extensions;
    private final Supplier<TSLanguage> grammarFactory;
    private final LanguageRules rules;
    private volatile TSLanguage grammar;

    Language(String code, List<String> extensions, Supplier<TSLanguage> grammarFactory, LanguageRules rules) {
        this.code = code;
        this.extensions = extensions;
        this.grammarFactory = grammarFactory;
        this.rules = rules;
    }

    /**
     * Returns the external code used in the output.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the file extensions (without dot, lower case) of the language.
     *
     * @return the extensions
     */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * Finds the language of a file by its extension (case-insensitive).
     *
     * @param path a repo-relative path
     * @return the language, empty when unsupported
     */
    public static Optional<Language> ofPath(String path) {
        Objects.requireNonNull(path, "path");
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.extensions.contains(ext)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the tree-sitter grammar, loading its native library on first use.
     *
     * @return the grammar
     */
    public TSLanguage grammar() {
        TSLanguage g = grammar;
        if (g == null) {
            synchronized (this) {
                g = grammar;
                if (g == null) {
                    g = grammarFactory.get();
                    grammar = g;
                }
            }
        }
        return g;
    }

    LanguageRules rules() {
        return rules;
    }
}
