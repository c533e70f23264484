package dev.vulcan.tool.githistory.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;

/**
 * One running {@code git} process started through commons-exec: its standard input fed from a byte array, its
 * standard output read either directly ({@link #output()}) or ahead of the reader into a bounded buffer by a
 * thread of its own ({@link #prefetch}), the start of its error output kept for messages, a watchdog that kills it
 * at the deadline, and a check of how it ended ({@link #finish}).
 *
 * <p>The environment is the inherited one without any {@code GIT_*} variable, plus the variables that disable
 * system and global config, prompts, optional locks, lazy fetches and pagers, and git's flush of its output after
 * every commit.
 */
final class GitProcess implements AutoCloseable {

    private static final int MAX_STDERR = 4096;
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** The watchdog's timeout without a deadline (commons-exec's "infinite" value kills at once in 1.5). */
    private static final Duration NO_DEADLINE = Duration.ofDays(365);
    private static final int PREFETCH_BLOCK = 1 << 16;

    private final String name;
    private final Handler handler;
    private final Result result;
    private final ExecuteWatchdog watchdog;
    private InputStream output;
    private Prefetch prefetch;

    private GitProcess(String name, Handler handler, Result result, ExecuteWatchdog watchdog) {
        this.name = name;
        this.handler = handler;
        this.result = result;
        this.watchdog = watchdog;
    }

    /**
     * Starts a process.
     *
     * @param name what the process does, for messages ("git log")
     * @param command the command line
     * @param workingDirectory the directory it runs in
     * @param stdin its whole standard input
     * @param deadline when it is killed, or null for never
     * @return the running process; close it
     * @throws IOException if it cannot be started
     */
    static GitProcess start(String name, CommandLine command, Path workingDirectory, byte[] stdin, Instant deadline)
            throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(stdin, "stdin");
        Handler handler = new Handler(stdin);
        Duration timeout = deadline == null ? NO_DEADLINE : Duration.between(Instant.now(), deadline);
        if (timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofMillis(1);
        }
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(handler)
                .setWorkingDirectory(workingDirectory.toAbsolutePath().toFile()).get();
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(new ShutdownHookProcessDestroyer()); // never outlive the JVM
        executor.setExitValues(null);
        Result result = new Result();
        executor.execute(command, environment(), result);
        GitProcess process = new GitProcess(name, handler, result, watchdog);
        try {
            process.output = handler.awaitOutput(result);
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return process;
    }

    /**
     * The inherited environment without any GIT_* variable, plus the variables that disable config and I/O and
     * per-commit flushing.
     */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("GIT_")) {
                env.put(k, v);
            }
        });
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_NO_LAZY_FETCH", "1");
        env.put("GIT_PAGER", "cat");
        env.put("PAGER", "cat");
        // git flushes stdout after every commit when it is not a regular file: on a pipe, one write per commit
        env.put("GIT_FLUSH", "0");
        return env;
    }

    /**
     * Starts reading the output ahead of the reader on a thread of its own, into a buffer of at most the given
     * size (when it is full, the thread waits, and so does git); {@link #output()} then reads that buffer.
     *
     * @param maxBytes the most bytes read ahead
     * @throws IllegalArgumentException if the size is smaller than one block (64 KiB)
     * @throws IllegalStateException if prefetching has started already
     */
    void prefetch(int maxBytes) {
        if (maxBytes < PREFETCH_BLOCK) {
            throw new IllegalArgumentException("maxBytes must be at least " + PREFETCH_BLOCK);
        }
        if (prefetch != null) {
            throw new IllegalStateException("prefetching already");
        }
        prefetch = new Prefetch(output, maxBytes / PREFETCH_BLOCK, name, handler);
        output = prefetch;
    }

    /**
     * The process's standard output, or the buffer read ahead of it ({@link #prefetch}).
     *
     * @return the stream; its end is the end of the process's output
     */
    InputStream output() {
        return output;
    }

    /**
     * Tells whether the process's execution is still under way: it has not exited, or commons-exec has not yet
     * reported its end (which waits until the process's output was read to its end or abandoned).
     *
     * @return true until its end is reported
     */
    boolean alive() {
        return result.done.getCount() > 0;
    }

    /**
     * After the output was read to its end: waits for the process and checks that it exited with 0.
     *
     * @throws GitLog.GitLogException if the process was killed at the deadline, failed or exited with another value
     */
    void finish() {
        handler.readerDone();
        try {
            result.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitLog.GitLogException("interrupted while waiting for " + name, e);
        }
        if (watchdog.killedProcess()) {
            throw new GitLog.GitLogException(name + " was stopped at the deadline", null);
        }
        if (result.exception != null || result.exitValue != 0) {
            throw new GitLog.GitLogException(name + " failed with exit value " + result.exitValue + ": "
                    + handler.stderr(), result.exception);
        }
    }

    /**
     * Kills the process if it still runs (its reader stopped early), stops reading ahead, and waits for it briefly.
     */
    @Override
    public void close() {
        if (result.done.getCount() > 0) {
            watchdog.destroyProcess();
        }
        if (prefetch != null) {
            prefetch.stop();
        }
        handler.readerDone();
        try {
            result.done.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The output read ahead by a thread of its own into a queue of 64 KiB blocks: the thread reads whole blocks (one
     * hand-over per block, not per write of git), waits while the queue is full, and ends the queue with an empty
     * block. {@link #available()} counts the bytes already read ahead.
     */
    private static final class Prefetch extends InputStream {

        private static final byte[] END = new byte[0];

        private final BlockingQueue<byte[]> blocks;
        private final Thread thread;
        private volatile IOException failure;
        private byte[] block = new byte[0];
        private int pos;
        private boolean ended;

        Prefetch(InputStream source, int maxBlocks, String name, Handler handler) {
            this.blocks = new ArrayBlockingQueue<>(maxBlocks + 1);
            this.thread = daemon("git-history-prefetch", () -> {
                try (InputStream in = source) {
                    while (true) {
                        byte[] chunk = new byte[PREFETCH_BLOCK];
                        int n = in.readNBytes(chunk, 0, chunk.length);
                        if (n > 0) {
                            blocks.put(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                        }
                        if (n < chunk.length) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    failure = new IOException("reading " + name + " output failed", e);
                } catch (InterruptedException e) {
                    failure = new InterruptedIOException("reading " + name + " output was stopped");
                    return; // stopped by close: nobody reads the queue any more
                } finally {
                    handler.readerDone();
                }
                try {
                    blocks.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos == block.length && !next()) {
                return -1;
            }
            int n = Math.min(len, block.length - pos);
            System.arraycopy(block, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean next() throws IOException {
            if (ended) {
                return false;
            }
            try {
                block = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading git output");
            }
            pos = 0;
            if (block == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return false;
            }
            return true;
        }

        @Override
        public int available() {
            return block.length - pos + blocks.size() * PREFETCH_BLOCK;
        }

        void stop() {
            thread.interrupt();
        }
    }

    /**
     * How the process ended, signalled at once (commons-exec's {@code DefaultExecuteResultHandler} polls every 50 ms,
     * which a walk split among several processes would pay once per process).
     */
    private static final class Result implements ExecuteResultHandler {

        private final CountDownLatch done = new CountDownLatch(1);
        private volatile int exitValue = -1;
        private volatile ExecuteException exception;

        @Override
        public void onProcessComplete(int exitValue) {
            this.exitValue = exitValue;
            done.countDown();
        }

        @Override
        public void onProcessFailed(ExecuteException e) {
            this.exitValue = e.getExitValue();
            this.exception = e;
            done.countDown();
        }
    }

    /**
     * Feeds the standard input to the process, hands its output to the reader, keeps the start of its error
     * output, and keeps the output stream open until the reader is done (commons-exec closes it when the process
     * exits).
     */
    private static final class Handler implements ExecuteStreamHandler {

        private final byte[] stdin;
        private final CountDownLatch outputReady = new CountDownLatch(1);
        private final CountDownLatch readerDone = new CountDownLatch(1);
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private volatile InputStream output;
        private OutputStream processIn;
        private InputStream processErr;
        private Thread errorReader;

        Handler(byte[] stdin) {
            this.stdin = stdin;
        }

        @Override
        public void setProcessInputStream(OutputStream os) {
            this.processIn = os;
        }

        @Override
        public void setProcessErrorStream(InputStream is) {
            this.processErr = is;
        }

        @Override
        public void setProcessOutputStream(InputStream is) {
            this.output = is;
        }

        @Override
        public void start() {
            daemon("git-history-stdin", () -> {
                try (OutputStream os = processIn) {
                    os.write(stdin);
                } catch (IOException e) {
                    // the process ended early; its exit value tells why
                }
            });
            errorReader = daemon("git-history-stderr", () -> {
                byte[] chunk = new byte[1024];
                try (InputStream is = processErr) {
                    int n;
                    while ((n = is.read(chunk)) >= 0) {
                        synchronized (stderr) {
                            if (stderr.size() < MAX_STDERR) {
                                stderr.write(chunk, 0, Math.min(n, MAX_STDERR - stderr.size()));
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            outputReady.countDown();
        }

        @Override
        public void stop() {
            try {
                readerDone.await();
                errorReader.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        InputStream awaitOutput(Result result) throws IOException {
            try {
                while (!outputReady.await(20, TimeUnit.MILLISECONDS)) {
                    if (result.done.getCount() == 0) {
                        throw new IOException("git could not be started", result.exception);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting git", e);
            }
            return output;
        }

        void readerDone() {
            readerDone.countDown();
        }

        String stderr() {
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8).strip();
            }
        }
    }
}
