package dev.vulcan.tool.loc.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a listing of files in parallel: a fixed number of threads, each with its own {@link LineCounter} and
 * buffer, take files from a shared index. Each file is opened once (never through a symbolic link), checked for
 * its size cap, and streamed. Memory is bounded by the thread count times the buffer size plus the per-file
 * results.
 */
public final class LocAnalyzer {

    /** The default read buffer of each thread. */
    public static final int BUFFER_SIZE = 256 * 1024;

    private final LanguageCatalog catalog;
    private final long maxFileBytes;
    private final int threads;

    /**
     * One counted file.
     *
     * @param path its repo-relative path
     * @param language its language name
     * @param counts its counts
     */
    public record FileResult(String path, String language, FileCounts counts) {

        /** Creates a result. */
        public FileResult {
            RepoPaths.requireValid(path);
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /**
     * The outcome of a run.
     *
     * @param files counted files, in listing order
     * @param errors recoverable problems, listing errors first
     * @param binaryFiles files skipped as binary
     * @param unsupportedFiles files of no known language
     * @param skippedFiles files skipped because of an error (too large, unreadable)
     */
    public record Report(List<FileResult> files, List<ToolError> errors, int binaryFiles, int unsupportedFiles,
            int skippedFiles) {

        /** Creates a report. */
        public Report {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Creates an analyzer.
     *
     * @param catalog the languages
     * @param maxFileBytes files larger than this are skipped with a recoverable error
     * @param threads the number of counting threads
     * @throws IllegalArgumentException if the cap or the thread count is not positive
     */
    public LocAnalyzer(LanguageCatalog catalog, long maxFileBytes, int threads) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("max_file_bytes must be positive: " + maxFileBytes);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.maxFileBytes = maxFileBytes;
        this.threads = threads;
    }

    /**
     * Counts the files of a listing.
     *
     * @param listing the files
     * @param cancellation called regularly on each counting thread; throws {@link CancellationException} to stop
     * @return the report
     * @throws CancellationException if the run was cancelled
     * @throws InterruptedException if the calling thread was interrupted
     */
    public Report analyze(RepoFiles.Listing listing, Runnable cancellation) throws InterruptedException {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(cancellation, "cancellation");
        List<RepoFiles.Candidate> files = listing.files();
        FileResult[] results = new FileResult[files.size()];
        ConcurrentLinkedQueue<ToolError> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger binary = new AtomicInteger();
        AtomicInteger unsupported = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "loc-counter");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    LineCounter counter = new LineCounter(BUFFER_SIZE);
                    int done = 0;
                    for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                        if ((++done & 63) == 0) {
                            cancellation.run();
                        }
                        RepoFiles.Candidate candidate = files.get(i);
                        LineCounter.Outcome outcome = countOne(counter, candidate, errors);
                        if (outcome instanceof LineCounter.Counted counted) {
                            results[i] = new FileResult(candidate.path(), counted.language().name(),
                                    counted.counts());
                        } else if (outcome instanceof LineCounter.Binary) {
                            binary.incrementAndGet();
                        } else if (outcome instanceof LineCounter.Unsupported) {
                            unsupported.incrementAndGet();
                        } else {
                            skipped.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    next.set(results.length);
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("counting failed", cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<FileResult> counted = new ArrayList<>();
        for (FileResult r : results) {
            if (r != null) {
                counted.add(r);
            }
        }
        List<ToolError> allErrors = new ArrayList<>(listing.errors());
        errors.stream().sorted((a, b) -> String.valueOf(a.file()).compareTo(String.valueOf(b.file())))
                .forEach(allErrors::add);
        return new Report(counted, allErrors, binary.get(), unsupported.get(), skipped.get());
    }

    /** Returns the outcome, or null when the file could not be read (the error is recorded). */
    private LineCounter.Outcome countOne(LineCounter counter, RepoFiles.Candidate candidate,
            ConcurrentLinkedQueue<ToolError> errors) {
        String name = RepoPaths.fileName(candidate.path());
        Optional<Language> byName = catalog.byFileName(name);
        boolean shebangAllowed = byName.isEmpty() && name.indexOf('.') < 0;
        if (byName.isEmpty() && !shebangAllowed) {
            return new LineCounter.Unsupported();
        }
        try (FileChannel channel = FileChannel.open(candidate.file(), StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() > maxFileBytes) {
                errors.add(tooLarge(candidate, channel.size()));
                return new LineCounter.TooLarge(maxFileBytes);
            }
            LineCounter.Outcome outcome = counter.analyze(channel, byName.orElse(null), shebangAllowed, catalog,
                    maxFileBytes);
            if (outcome instanceof LineCounter.TooLarge) {
                errors.add(tooLarge(candidate, -1));
            }
            return outcome;
        } catch (IOException | SecurityException e) {
            errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot read the file ("
                    + e.getClass().getSimpleName() + "); it is not counted", candidate.path()));
            return null;
        }
    }

    private ToolError tooLarge(RepoFiles.Candidate candidate, long size) {
        return ToolError.recoverable("FILE_TOO_LARGE", "file " + (size >= 0 ? "of " + size + " bytes " : "")
                + "exceeds max_file_bytes=" + maxFileBytes + "; it is not counted", candidate.path());
    }
}
