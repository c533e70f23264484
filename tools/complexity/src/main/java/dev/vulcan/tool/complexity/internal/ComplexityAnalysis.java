package dev.vulcan.tool.complexity.internal;

import dev.vulcan.core.envelope.ToolError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.treesitter.TSParser;

/**
 * Runs the analysis over a repository: lists files, parses each supported file once on a pool of worker threads
 * (one tree-sitter parser per thread and language), and collects per-file results in path order.
 */
public final class ComplexityAnalysis {
    private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;

    private ComplexityAnalysis() {
    }

    /**
     * The result of a run.
     *
     * @param files the analyzed files, sorted by path (files that failed entirely are absent)
     * @param errors recoverable per-file errors
     * @param filesSeen every listed file
     * @param skippedUnsupported files in an unsupported language
     * @param skippedTooLarge files over the size cap
     * @param failed files that yielded nothing (unreadable, parse time limit, too deep)
     */
    public record Result(List<FileAnalysis> files, List<ToolError> errors, int filesSeen, int skippedUnsupported,
            int skippedTooLarge, int failed) {
        /**
         * Creates a result.
         *
         * @throws NullPointerException if a list is null
         */
        public Result {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    /** The outcome of one file: an analysis, an error, or both (partial parse). */
    private record Outcome(FileAnalysis analysis, ToolError error, boolean tooLarge, boolean unsupported) {
    }

    /**
     * Analyzes a repository.
     *
     * @param root the repository root
     * @param options the caps and thread count
     * @param cancelCheck called regularly; throws {@link CancellationException} to stop
     * @return the result
     * @throws IOException if the files cannot be listed
     * @throws InterruptedException if interrupted while waiting for workers
     * @throws CancellationException when cancelCheck stops the run
     */
    public static Result run(Path root, ComplexityOptions options, Runnable cancelCheck)
            throws IOException, InterruptedException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(cancelCheck, "cancelCheck");
        List<String> paths = SourceFiles.list(root);
        ThreadLocal<Map<Language, TSParser>> parsers = ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), workerThreads());
        try {
            List<Future<Outcome>> futures = new ArrayList<>(paths.size());
            for (String path : paths) {
                futures.add(pool.submit(() -> analyzeOne(root, path, options, parsers, cancelCheck)));
            }
            List<FileAnalysis> files = new ArrayList<>();
            List<ToolError> errors = new ArrayList<>();
            int unsupported = 0;
            int tooLarge = 0;
            int failed = 0;
            for (Future<Outcome> f : futures) {
                cancelCheck.run();
                Outcome o;
                try {
                    o = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException) {
                        throw (CancellationException) e.getCause();
                    }
                    throw new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
                }
                if (o.unsupported) {
                    unsupported++;
                    continue;
                }
                if (o.tooLarge) {
                    tooLarge++;
                } else if (o.analysis == null) {
                    failed++;
                }
                if (o.analysis != null) {
                    files.add(o.analysis);
                }
                if (o.error != null) {
                    errors.add(o.error);
                }
            }
            return new Result(files, errors, paths.size(), unsupported, tooLarge, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "complexity-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

    private static Outcome analyzeOne(Path root, String path, ComplexityOptions options,
            ThreadLocal<Map<Language, TSParser>> parsers, Runnable cancelCheck) {
        var language = Language.ofPath(path);
        if (language.isEmpty()) {
            return new Outcome(null, null, false, true);
        }
        cancelCheck.run();
        Path file = root.resolve(path);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > options.maxFileBytes()) {
                return new Outcome(null, ToolError.recoverable("FILE_TOO_LARGE", path + ": " + size
                        + " bytes is over the " + options.maxFileBytes() + "-byte cap; skipped", path), true, false);
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Outcome(null, ToolError.recoverable("FILE_UNREADABLE", path
                        + ": not a regular file", path), false, false);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Outcome(null, ToolError.recoverable("FILE_UNREADABLE", path + ": cannot read: "
                    + e.getClass().getSimpleName(), path), false, false);
        }
        Language lang = language.get();
        TSParser parser = parsers.get().computeIfAbsent(lang, l -> {
            TSParser p = new TSParser();
            if (!p.setLanguage(l.grammar())) {
                throw new IllegalStateException("tree-sitter rejected the " + l.code() + " grammar");
            }
            return p;
        });
        try {
            SyntaxTree tree = SyntaxTree.parse(parser, lang.grammar(), bytes, options.parseTimeoutMillis() * 1000);
            if (tree == null) {
                return new Outcome(null, ToolError.recoverable("PARSE_TIMEOUT", path + ": parsing took longer than "
                        + options.parseTimeoutMillis() + " ms; skipped", path), false, false);
            }
            FileAnalysis analysis = FileAnalyzer.analyze(path, lang, tree);
            ToolError error = null;
            if (tree.errorNodes() > 0) {
                error = ToolError.recoverable("PARSE_ERROR", path + ": " + tree.errorNodes()
                        + " syntax error(s), first at line " + tree.firstErrorLine()
                        + "; measures cover what parsed", path);
            }
            return new Outcome(analysis, error, false, false);
        } catch (StackOverflowError e) {
            return new Outcome(null, ToolError.recoverable("FILE_TOO_DEEP", path
                    + ": syntax tree too deeply nested to analyze; skipped", path), false, false);
        }
    }
}
