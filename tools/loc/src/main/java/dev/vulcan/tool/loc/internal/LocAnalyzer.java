package dev.vulcan.tool.loc.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts files in parallel: a fixed number of threads, each with its own {@link LineCounter} and buffer, take
 * files from a bounded queue that the listing fills (so counting overlaps the directory walk). Each file is opened once (never through a symbolic link), checked for
 * its size cap, and streamed. Memory is bounded by the thread count times the buffer size plus the per-file
 * results.
 */
public final class LocAnalyzer {

    /** The default read buffer of each thread. */
    public static final int BUFFER_SIZE = 256 * 1024;
    /** How many listed files may wait for a counting thread. */
    private static final int QUEUE_SIZE = 8192;
    private static final RepoFiles.Candidate END = new RepoFiles.Candidate("end-of-files", Path.of("end-of-files"));

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
     * @param files counted files, sorted by path
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
     * Lists a repository and counts its files; counting starts while the tree is still being walked.
     *
     * @param root the repository root
     * @param cancellation called regularly, on the calling and the counting threads; throws
     *     {@link CancellationException} to stop
     * @return the report, files sorted by path
     * @throws IOException if the repository cannot be listed
     * @throws CancellationException if the run was cancelled
     * @throws InterruptedException if the calling thread was interrupted
     */
    public Report analyze(Path root, Runnable cancellation) throws IOException, InterruptedException {
        Objects.requireNonNull(root, "root");
        List<ToolError> listingErrors = new ArrayList<>();
        return run(sink -> RepoFiles.scan(root, sink, listingErrors), listingErrors, cancellation);
    }

    /**
     * Counts the files of a listing.
     *
     * @param listing the files
     * @param cancellation called regularly on each counting thread; throws {@link CancellationException} to stop
     * @return the report, files sorted by path
     * @throws CancellationException if the run was cancelled
     * @throws InterruptedException if the calling thread was interrupted
     */
    public Report analyze(RepoFiles.Listing listing, Runnable cancellation) throws InterruptedException {
        Objects.requireNonNull(listing, "listing");
        try {
            return run(sink -> {
                for (RepoFiles.Candidate c : listing.files()) {
                    sink.accept(c);
                }
                return listing.fromGitIndex();
            }, listing.errors(), cancellation);
        } catch (IOException e) {
            throw new UncheckedIOException("unreachable: a listing does no I/O", e);
        }
    }

    /** Produces the files to count. */
    @FunctionalInterface
    private interface Producer {
        boolean produce(RepoFiles.Sink sink) throws IOException, InterruptedException;
    }

    private Report run(Producer producer, List<ToolError> listingErrors, Runnable cancellation)
            throws IOException, InterruptedException {
        Objects.requireNonNull(cancellation, "cancellation");
        BlockingQueue<RepoFiles.Candidate> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
        ConcurrentLinkedQueue<FileResult> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ToolError> errors = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger binary = new AtomicInteger();
        AtomicInteger unsupported = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loc-counter");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    try {
                        LineCounter counter = new LineCounter(BUFFER_SIZE);
                        int done = 0;
                        for (RepoFiles.Candidate c = queue.take(); c != END; c = queue.take()) {
                            if ((++done & 63) == 0) {
                                cancellation.run();
                            }
                            LineCounter.Outcome outcome = countOne(counter, c, errors);
                            if (outcome instanceof LineCounter.Counted counted) {
                                results.add(new FileResult(c.path(), counted.language().name(), counted.counts()));
                            } else if (outcome instanceof LineCounter.Binary) {
                                binary.incrementAndGet();
                            } else if (outcome instanceof LineCounter.Unsupported) {
                                unsupported.incrementAndGet();
                            } else {
                                skipped.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                    return null;
                }));
            }
            int[] produced = new int[1];
            producer.produce(c -> {
                if ((++produced[0] & 1023) == 0) {
                    cancellation.run();
                }
                offer(queue, c, failure);
            });
            for (int w = 0; w < threads; w++) {
                offer(queue, END, failure);
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
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
        List<FileResult> counted = new ArrayList<>(results);
        counted.sort(Comparator.comparing(FileResult::path));
        List<ToolError> allErrors = new ArrayList<>(listingErrors);
        errors.stream().sorted(Comparator.comparing((ToolError e) -> String.valueOf(e.file()))
                .thenComparing(ToolError::code)).forEach(allErrors::add);
        return new Report(counted, allErrors, binary.get(), unsupported.get(), skipped.get());
    }

    /** Hands a file to the counting threads, giving up when one of them failed. */
    private static void offer(BlockingQueue<RepoFiles.Candidate> queue, RepoFiles.Candidate c,
            AtomicReference<Throwable> failure) throws InterruptedException {
        while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
        }
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
