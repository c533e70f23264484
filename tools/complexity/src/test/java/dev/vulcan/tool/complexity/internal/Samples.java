package dev.vulcan.tool.complexity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.treesitter.TSParser;

/** Loads the golden sources of testdata/ and analyzes them. */
final class Samples {
    static final String DIR = "/dev/vulcan/tool/complexity/testdata/";

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(DIR + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static FileAnalysis analyze(String name) {
        return analyzeSource(name, bytes(name));
    }

    static FileAnalysis analyzeSource(String name, byte[] source) {
        Language language = Language.ofPath(name).orElseThrow();
        TSParser parser = new TSParser();
        parser.setLanguage(language.grammar());
        SyntaxTree tree = SyntaxTree.parse(parser, language.grammar(), source, 5_000_000L);
        return FileAnalyzer.analyze(name, language, Objects.requireNonNull(tree));
    }

    static FunctionMetrics function(FileAnalysis file, String name) {
        return file.functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name + " in " + file.functions()));
    }

    static SymbolInfo symbol(FileAnalysis file, String name) {
        return file.symbols().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no symbol " + name + " in " + file.symbols()));
    }
}
