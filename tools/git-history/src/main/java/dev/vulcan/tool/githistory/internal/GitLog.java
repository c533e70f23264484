package dev.vulcan.tool.githistory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Streams commits and their changes out of {@code git log -z --raw --numstat} (through commons-exec), either walking
 * the history from a commit in git's default date order and printing each commit's parents, committer time and
 * author ({@link #walk}; one walking process, or the listed commits cut into chunks printed by concurrent processes,
 * {@link Split}), or printing a given list of non-merge commits in exactly the order given
 * ({@code --no-walk=unsorted --stdin}, {@link #start}). The output is parsed as it arrives, one commit at a time, in
 * place in the read buffer; nothing but the current commit is kept (and a bounded table of decoded paths and names,
 * which repeat on every commit, and the bounded output read ahead of later chunks).
 *
 * <p>The analyzed repository is untrusted, so the process is started so that nothing configured in it runs:
 * no external diff or textconv driver ({@code --no-ext-diff --no-textconv}), no hooks, no fsmonitor, no pager,
 * no signature verification, no transport (a partial clone never fetches), no system or global config; every
 * option that changes the output is given explicitly (rename detection, diff algorithm, size limit for binary
 * treatment, encoding, submodules), so the repository's config cannot change it. A watchdog kills the process
 * at the deadline, and {@link #close()} kills every process still running when the reader stops early
 * (cancellation, error).
 */
public final class GitLog implements AutoCloseable {

    private static final byte HEADER = 2;
    private static final String WALK_FORMAT = "%x02%H%x00%P%x00%ct%x00%an%x00%ae%x00%at";
    private static final int BATCH_BYTES = 32 * 1024;
    private static final long BATCH_PAUSE_MILLIS = 2;

    /**
     * One changed path of a commit, from git's raw and numstat output.
     *
     * @param status the raw status letter ({@code A C D M R T})
     * @param oldMode the mode before (octal, 0 for an addition)
     * @param newMode the mode after (octal, 0 for a deletion)
     * @param oldId the blob id before (all zeros for an addition)
     * @param newId the blob id after (all zeros for a deletion)
     * @param oldPath the path before (the path itself unless renamed or copied)
     * @param newPath the path after (the path itself unless renamed or copied)
     * @param added lines added (0 when binary)
     * @param deleted lines deleted (0 when binary)
     * @param binary true when git counted the change without a line diff
     */
    public record Entry(char status, int oldMode, int newMode, String oldId, String newId, String oldPath,
            String newPath, int added, int deleted, boolean binary) {

        /**
         * Creates an entry.
         *
         * @throws NullPointerException if a value is null
         */
        public Entry {
            Objects.requireNonNull(oldId, "oldId");
            Objects.requireNonNull(newId, "newId");
            Objects.requireNonNull(oldPath, "oldPath");
            Objects.requireNonNull(newPath, "newPath");
        }
    }

    /**
     * The header fields of a commit that a walking log prints ({@link #walk}).
     *
     * @param parents the full ids of the parents, in order (none for a root commit or a shallow boundary)
     * @param commitTime the committer time, seconds since the epoch
     * @param authorName the author name as recorded (empty when the commit has no author)
     * @param authorEmail the author e-mail as recorded (empty when the commit has no author)
     * @param authorTime the author time, seconds since the epoch, or null when the commit has no author
     */
    public record Header(List<String> parents, long commitTime, String authorName, String authorEmail,
            Long authorTime) {

        /**
         * Creates a header.
         *
         * @throws NullPointerException if a value other than the author time is null
         */
        public Header {
            parents = List.copyOf(parents);
            Objects.requireNonNull(authorName, "authorName");
            Objects.requireNonNull(authorEmail, "authorEmail");
        }
    }

    /**
     * One commit's changes against its only parent (or the empty tree for a root commit); a merge commit has no
     * changes (they are not asked for).
     *
     * @param sha the full commit id
     * @param header the header fields, or null when the log was started with a list of commits ({@link #start})
     * @param entries the changed paths, in git's order
     */
    public record Commit(String sha, Header header, List<Entry> entries) {

        /**
         * Creates a commit.
         *
         * @throws NullPointerException if the id or the entries are null
         */
        public Commit {
            Objects.requireNonNull(sha, "sha");
            entries = List.copyOf(entries);
        }
    }

    /** The {@code git} process failed or wrote output that cannot be parsed. */
    public static final class GitLogException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong
         * @param cause the cause, or null
         */
        public GitLogException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * How a walk is split among concurrent git processes ({@link #walk(Path, Path, String, int, Instant, Split)}):
     * the commits are listed first ({@code git rev-list}, in the walk's order), then cut into consecutive chunks of
     * {@code ceil(commits / processes)} commits, but no fewer than {@code minChunkCommits} and no more than
     * {@code maxChunkCommits}; each chunk is printed by its own {@code git log --no-walk=unsorted --stdin}, at most
     * {@code processes} at a time. The reader reads the chunks in order: the first straight from its process, the
     * ones after it from a buffer of at most {@code prefetchBytes} each, filled while the reader is busy with the
     * earlier ones. The output is byte for byte the single walking process's. At most {@code 2 × processes} chunks
     * are started and not yet read, so at most {@code (2 × processes − 1) × prefetchBytes} of output is held ahead
     * of the reader (112 MiB for four processes and 16 MiB).
     *
     * @param processes the most git processes running at once (1: one walking process, no listing)
     * @param minChunkCommits the fewest commits per chunk (a shorter history is printed by one process)
     * @param maxChunkCommits the most commits per chunk (bounds what a process prints ahead of the reader)
     * @param prefetchBytes the most output read ahead per process
     */
    public record Split(int processes, int minChunkCommits, int maxChunkCommits, int prefetchBytes) {

        /** One walking process. */
        public static final Split SERIAL = new Split(1, 1, Integer.MAX_VALUE, 1 << 16);

        /**
         * Validates the split.
         *
         * @throws IllegalArgumentException if a count is not positive, the minimum exceeds the maximum, or the
         *     prefetch buffer is smaller than 64 KiB
         */
        public Split {
            if (processes < 1 || minChunkCommits < 1 || maxChunkCommits < minChunkCommits) {
                throw new IllegalArgumentException("invalid split: " + processes + " processes, chunks of "
                        + minChunkCommits + ".." + maxChunkCommits + " commits");
            }
            if (prefetchBytes < 1 << 16) {
                throw new IllegalArgumentException("prefetchBytes must be at least 64 KiB");
            }
        }

        /**
         * One process per available processor, at most four; chunks of 512 to 8,192 commits; 16 MiB read ahead
         * per process.
         *
         * @return the split for this machine
         */
        public static Split forThisMachine() {
            int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            return new Split(cores, 512, 8192, 16 << 20);
        }

        int chunkCommits(int commits) {
            int even = (int) Math.min(Integer.MAX_VALUE, ((long) commits + processes - 1) / processes);
            return Math.max(minChunkCommits, Math.min(maxChunkCommits, even));
        }
    }

    /** Starts the process of one chunk of the log. */
    @FunctionalInterface
    private interface ChunkStarter {
        GitProcess start(byte[] stdin) throws IOException;
    }

    /** The processes started, in reading order: the first is read now. */
    private final ArrayDeque<GitProcess> running = new ArrayDeque<>();
    /** The standard inputs of the chunks not started yet, in reading order. */
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final ChunkStarter starter;
    private final Split split;
    private final byte[] buffer = new byte[1 << 16];
    private final Strings strings = new Strings();
    private byte[] scratch = new byte[256];
    private int pos;
    private int limit;
    private InputStream in;
    private boolean pushedBack;
    private boolean finished;
    /** The current token: {@code tb[ts..te)}. */
    private byte[] tb;
    private int ts;
    private int te;

    private final boolean headers;

    private GitLog(ChunkStarter starter, Split split, boolean headers) {
        this.starter = starter;
        this.split = split;
        this.headers = headers;
    }

    /**
     * Finds the {@code git} executable on the {@code PATH} (absolute directories only; the repository is never
     * searched).
     *
     * @return the executable, or empty when none is installed
     */
    public static Optional<Path> findExecutable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve("git");
            if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the command line that prints the changes of the commits given on its standard input ({@link #start}),
     * without starting anything (documented in the README).
     *
     * @param git the executable
     * @param gitDir the repository's git directory
     * @return the command line
     */
    public static CommandLine commandLine(Path git, Path gitDir) {
        CommandLine command = base(git, gitDir);
        command.addArguments(new String[] {"--no-walk=unsorted", "--stdin", "--format=%x02%H"}, false);
        return command;
    }

    /**
     * Returns the command line that walks the history from a commit and prints each commit's header and changes
     * ({@link #walk}), without starting anything (documented in the README).
     *
     * @param git the executable
     * @param gitDir the repository's git directory
     * @param start the full id of the first commit
     * @param maxCount the most commits printed
     * @return the command line
     * @throws IllegalArgumentException if the id is not a full hexadecimal id or the count is not positive
     */
    public static CommandLine walkCommandLine(Path git, Path gitDir, String start, int maxCount) {
        if (start == null || !start.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("start must be a full commit id: " + start);
        }
        if (maxCount <= 0) {
            throw new IllegalArgumentException("maxCount must be positive");
        }
        CommandLine command = base(git, gitDir);
        // the default order (commit date, newest first) is the JGit walk's; merges print no diff
        command.addArguments(new String[] {"--diff-merges=off", "--max-count=" + maxCount,
            "--format=" + WALK_FORMAT, start, "--"}, false);
        return command;
    }

    /** {@code git} with the options that keep the repository's config from running or changing anything. */
    private static CommandLine global(Path git, Path gitDir) {
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(gitDir, "gitDir");
        CommandLine command = new CommandLine(git.toFile());
        command.addArguments(new String[] {
            "--no-pager", "--no-replace-objects", "--bare", "--git-dir=" + gitDir.toAbsolutePath(),
            "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "diff.external=",
            "-c", "core.attributesFile=/dev/null", "-c", "diff.orderFile=/dev/null",
            "-c", "core.bigFileThreshold=" + HistoryWalker.MAX_DIFF_BYTES, "-c", "i18n.logOutputEncoding=UTF-8",
            "-c", "log.showSignature=false", "-c", "protocol.allow=never", "-c", "core.quotePath=false",
        }, false);
        return command;
    }

    private static CommandLine base(Path git, Path gitDir) {
        CommandLine command = global(git, gitDir);
        String[] args = {
            "log", "--no-ext-diff", "--no-textconv", "--no-color",
            "--no-show-signature", "--no-mailmap", "--encoding=UTF-8", "--root", "--no-relative",
            "--ignore-submodules=all", "-z", "--raw", "--no-abbrev", "--numstat", "--find-renames=50%", "-l1000",
            "--diff-algorithm=histogram",
        };
        command.addArguments(args, false);
        return command;
    }

    /**
     * Starts {@code git log} for the given commits.
     *
     * @param git the executable ({@link #findExecutable()})
     * @param gitDir the repository's git directory
     * @param shas full ids of non-merge commits, in the order their changes are wanted
     * @param deadline when the process is killed, or null for none
     * @return the running log; close it
     * @throws IOException if the process cannot be started
     */
    public static GitLog start(Path git, Path gitDir, List<String> shas, Instant deadline) throws IOException {
        Objects.requireNonNull(shas, "shas");
        CommandLine command = commandLine(git, gitDir);
        StringBuilder stdin = new StringBuilder(shas.size() * 41);
        for (String sha : shas) {
            stdin.append(sha).append('\n');
        }
        byte[] input = stdin.toString().getBytes(StandardCharsets.US_ASCII);
        return open(in -> GitProcess.start("git log", command, gitDir, in, deadline), Split.SERIAL, List.of(input),
                false);
    }

    /**
     * Starts {@code git log} walking the history from a commit in git's default order (commit time, newest first,
     * as JGit's {@code RevSort.COMMIT_TIME_DESC} walk), printing each commit's {@link Header} and, for a commit
     * that is not a merge, its changes.
     *
     * @param git the executable ({@link #findExecutable()})
     * @param gitDir the repository's git directory
     * @param start the full id of the first commit
     * @param maxCount the most commits printed
     * @param deadline when the process is killed, or null for none
     * @return the running log; close it
     * @throws IOException if the process cannot be started
     * @throws IllegalArgumentException if the id is not a full id or the count is not positive
     */
    public static GitLog walk(Path git, Path gitDir, String start, int maxCount, Instant deadline)
            throws IOException {
        return walk(git, gitDir, start, maxCount, deadline, Split.SERIAL);
    }

    /**
     * Starts {@code git log} walking the history from a commit as {@link #walk(Path, Path, String, int, Instant)}
     * does, split among concurrent processes: the output is the same, and so is every {@link Commit} read.
     *
     * @param git the executable ({@link #findExecutable()})
     * @param gitDir the repository's git directory
     * @param start the full id of the first commit
     * @param maxCount the most commits printed
     * @param deadline when the processes are killed, or null for none
     * @param split how the walk is split ({@link Split#SERIAL}: one walking process)
     * @return the running log; close it
     * @throws IOException if a process cannot be started or the listing cannot be read
     * @throws GitLogException if listing the commits fails
     * @throws IllegalArgumentException if the id is not a full id or the count is not positive
     */
    public static GitLog walk(Path git, Path gitDir, String start, int maxCount, Instant deadline, Split split)
            throws IOException {
        Objects.requireNonNull(split, "split");
        CommandLine walking = walkCommandLine(git, gitDir, start, maxCount);
        if (split.processes() == 1) {
            return open(stdin -> GitProcess.start("git log", walking, gitDir, stdin, deadline), split, List.of(),
                    true);
        }
        byte[] listed = list(git, gitDir, start, maxCount, deadline);
        int commits = listed.length / 41;
        int chunk = split.chunkCommits(commits);
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < commits; from += chunk) {
            chunks.add(Arrays.copyOfRange(listed, from * 41, Math.min(commits, from + chunk) * 41));
        }
        CommandLine printing = base(git, gitDir);
        printing.addArguments(new String[] {"--diff-merges=off", "--format=" + WALK_FORMAT, "--no-walk=unsorted",
            "--stdin"}, false);
        return open(stdin -> GitProcess.start("git log", printing, gitDir, stdin, deadline), split, chunks, true);
    }

    /** The ids {@code git rev-list} lists from the start, in the walking log's order: 41 bytes each ("id\n"). */
    private static byte[] list(Path git, Path gitDir, String start, int maxCount, Instant deadline)
            throws IOException {
        CommandLine command = global(git, gitDir);
        command.addArguments(new String[] {"rev-list", "--max-count=" + maxCount, start, "--"}, false);
        byte[] listed;
        try (GitProcess process = GitProcess.start("git rev-list", command, gitDir, new byte[0], deadline)) {
            listed = process.output().readAllBytes();
            process.finish();
        }
        if (listed.length == 0 || listed.length % 41 != 0) {
            throw new GitLogException("unexpected git rev-list output (" + listed.length + " bytes)", null);
        }
        for (int i = 40; i < listed.length; i += 41) {
            if (listed[i] != '\n') {
                throw new GitLogException("unexpected git rev-list output", null);
            }
        }
        return listed;
    }

    /** Starts the first processes (the first chunk read directly, the next ones read ahead). */
    private static GitLog open(ChunkStarter starter, Split split, List<byte[]> chunks, boolean headers)
            throws IOException {
        GitLog log = new GitLog(starter, split, headers);
        log.waiting.addAll(chunks);
        if (chunks.isEmpty()) {
            log.waiting.add(new byte[0]);
        }
        try {
            log.startWaiting();
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        log.in = log.running.getFirst().output();
        return log;
    }

    /**
     * Starts waiting chunks while fewer processes run than the split allows, and fewer than twice as many chunks are
     * started and not yet read (which bounds the output held ahead of the reader).
     */
    private void startWaiting() throws IOException {
        int alive = 0;
        for (GitProcess process : running) {
            if (process.alive()) {
                alive++;
            }
        }
        while (!waiting.isEmpty() && alive < split.processes() && running.size() < 2 * split.processes()) {
            GitProcess process = starter.start(waiting.removeFirst());
            boolean first = running.isEmpty();
            running.addLast(process);
            if (!first) {
                process.prefetch(split.prefetchBytes());
            }
            alive++;
        }
    }

    /**
     * Reads more output into the buffer, moving on to the next chunk's process at the end of one (whose exit is
     * checked then).
     *
     * @return the bytes read, or -1 at the end of the last chunk
     */
    private int readMore() throws IOException {
        while (true) {
            if (!waiting.isEmpty()) {
                startWaiting();
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n >= 0) {
                return n;
            }
            GitProcess done = running.removeFirst();
            try (done) {
                done.finish();
            }
            startWaiting();
            if (running.isEmpty()) {
                finished = true;
                return -1;
            }
            in = running.getFirst().output();
        }
    }

    /**
     * Stops the processes that still run (the reader stopped early) and waits for them briefly.
     */
    @Override
    public void close() {
        waiting.clear();
        for (GitProcess process : running) {
            process.close();
        }
        running.clear();
    }

    /**
     * Returns the next commit's changes.
     *
     * @return the commit, or null after the last one (the process then exited successfully)
     * @throws GitLogException if the process failed, was killed or wrote unexpected output
     */
    public Commit next() {
        if (finished) {
            return null;
        }
        try {
            if (!nextToken()) {
                return null;
            }
            int start = skipNewlines();
            if (te - start != 41 || tb[start] != HEADER) {
                throw new GitLogException("unexpected git log output (no commit header)", null);
            }
            String sha = new String(tb, start + 1, 40, StandardCharsets.ISO_8859_1);
            Header fields = headers ? header() : null;
            List<Entry> raw = new ArrayList<>();
            List<int[]> numbers = new ArrayList<>();
            List<String> numstatPaths = new ArrayList<>();
            while (nextToken()) {
                int s = skipNewlines();
                if (s < te && tb[s] == HEADER) {
                    pushedBack = true;
                    break;
                }
                if (s < te && tb[s] == ':') {
                    raw.add(parseRaw(s));
                } else {
                    parseNumstat(s, numbers, numstatPaths);
                }
            }
            if (raw.size() != numbers.size()) {
                throw new GitLogException("git log output of " + sha + " has " + raw.size() + " raw and "
                        + numbers.size() + " numstat entries", null);
            }
            List<Entry> entries = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                Entry r = raw.get(i);
                if (!r.newPath().equals(numstatPaths.get(i))) {
                    throw new GitLogException("git log output of " + sha + " lists paths in different orders", null);
                }
                int[] n = numbers.get(i);
                boolean binary = n == null;
                entries.add(new Entry(r.status(), r.oldMode(), r.newMode(), r.oldId(), r.newId(), r.oldPath(),
                        r.newPath(), binary ? 0 : n[0], binary ? 0 : n[1], binary));
            }
            return new Commit(sha, fields, entries);
        } catch (IOException e) {
            throw new GitLogException("reading git log output failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Reads the header fields that follow the id: parents, committer time, author name, e-mail and time. */
    private Header header() throws IOException {
        field();
        List<String> ids = new ArrayList<>(2);
        for (int i = ts; i < te; i += 41) {
            if (i + 40 > te || (i + 40 < te && tb[i + 40] != ' ')) {
                throw new GitLogException("unexpected git log parent list", null);
            }
            ids.add(new String(tb, i, 40, StandardCharsets.ISO_8859_1));
        }
        field();
        long commitTime = seconds();
        field();
        String name = text();
        field();
        String email = text();
        field();
        // git prints an empty author time for a commit without a parsable author line (JGit: no author)
        Long authorTime = te == ts ? null : seconds();
        return new Header(ids, commitTime, name, email, authorTime);
    }

    private void field() throws IOException {
        if (!nextToken()) {
            throw new GitLogException("git log output ends inside a commit header", null);
        }
    }

    /** The current token as seconds since the epoch. */
    private long seconds() {
        int i = ts;
        boolean negative = i < te && tb[i] == '-';
        if (negative) {
            i++;
        }
        if (i == te || te - i > 18) {
            throw new GitLogException("unexpected git log time", null);
        }
        long value = 0;
        for (; i < te; i++) {
            int d = tb[i] - '0';
            if (d < 0 || d > 9) {
                throw new GitLogException("unexpected git log time", null);
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    private Entry parseRaw(int s) throws IOException {
        // ":100644 100644 <old id> <new id> M" (R and C carry a score: "R100"), then the path(s) as tokens
        int f1 = indexOf((byte) ' ', s + 1);
        int f2 = f1 < 0 ? -1 : indexOf((byte) ' ', f1 + 1);
        int f3 = f2 < 0 ? -1 : indexOf((byte) ' ', f2 + 1);
        int f4 = f3 < 0 ? -1 : indexOf((byte) ' ', f3 + 1);
        if (f4 < 0 || f4 + 1 >= te || indexOf((byte) ' ', f4 + 1) >= 0) {
            throw new GitLogException("unexpected git log raw line", null);
        }
        int oldMode = octal(s + 1, f1);
        int newMode = octal(f1 + 1, f2);
        String oldId = new String(tb, f2 + 1, f3 - f2 - 1, StandardCharsets.ISO_8859_1);
        String newId = new String(tb, f3 + 1, f4 - f3 - 1, StandardCharsets.ISO_8859_1);
        char status = (char) (tb[f4 + 1] & 0xFF);
        String first = path();
        String second = status == 'R' || status == 'C' ? path() : first;
        return new Entry(status, oldMode, newMode, oldId, newId, first, second, 0, 0, false);
    }

    private int octal(int from, int to) {
        if (from >= to || to - from > 7) {
            throw new GitLogException("unexpected git log mode", null);
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = tb[i] - '0';
            if (d < 0 || d > 7) {
                throw new GitLogException("unexpected git log mode", null);
            }
            value = value * 8 + d;
        }
        return value;
    }

    private void parseNumstat(int s, List<int[]> numbers, List<String> paths) throws IOException {
        int tab1 = indexOf((byte) '\t', s);
        int tab2 = tab1 < 0 ? -1 : indexOf((byte) '\t', tab1 + 1);
        if (tab2 < 0) {
            throw new GitLogException("unexpected git log numstat line", null);
        }
        if (tb[s] == '-') {
            numbers.add(null);
        } else {
            numbers.add(new int[] {number(s, tab1), number(tab1 + 1, tab2)});
        }
        if (tab2 == te - 1) {
            path(); // old path of a rename or copy
            paths.add(path());
        } else {
            paths.add(strings.get(tb, tab2 + 1, te));
        }
    }

    private int number(int from, int to) {
        if (from >= to) {
            throw new GitLogException("unexpected git log numstat count", null);
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = tb[i] - '0';
            if (d < 0 || d > 9 || value > Integer.MAX_VALUE) {
                throw new GitLogException("unexpected git log numstat count", null);
            }
            value = value * 10 + d;
        }
        if (value > Integer.MAX_VALUE) {
            throw new GitLogException("unexpected git log numstat count", null);
        }
        return (int) value;
    }

    /** Reads the next token as a path. */
    private String path() throws IOException {
        if (!nextToken()) {
            throw new GitLogException("git log output ends inside an entry", null);
        }
        return text();
    }

    /** The current token as text, decoded as JGit decodes tree paths (see {@link Strings}). */
    private String text() {
        return strings.get(tb, ts, te);
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < te; i++) {
            if (tb[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The start of the current token after the newlines git puts between commits. */
    private int skipNewlines() {
        int i = ts;
        while (i < te && tb[i] == '\n') {
            i++;
        }
        return i;
    }

    /**
     * Moves to the next NUL-terminated token: {@code tb[ts..te)}, in the read buffer when the token lies in it,
     * else assembled in a scratch buffer; valid until the next call.
     *
     * @return false at the end of the output
     */
    private boolean nextToken() throws IOException {
        if (pushedBack) {
            pushedBack = false;
            return true;
        }
        int assembled = -1;
        while (true) {
            if (pos == limit) {
                batch();
                limit = readMore();
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    if (assembled < 0) {
                        return false;
                    }
                    // the output ends without a NUL only after a trailing newline
                    tb = scratch;
                    ts = 0;
                    te = assembled;
                    return skipNewlines() != te;
                }
            }
            int end = pos;
            while (end < limit && buffer[end] != 0) {
                end++;
            }
            if (assembled < 0 && end < limit) {
                tb = buffer;
                ts = pos;
                te = end;
                pos = end + 1;
                return true;
            }
            int length = end - pos;
            int have = Math.max(assembled, 0);
            if (have + length > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, have + length));
            }
            System.arraycopy(buffer, pos, scratch, have, length);
            assembled = have + length;
            if (end < limit) {
                tb = scratch;
                ts = 0;
                te = assembled;
                pos = end + 1;
                return true;
            }
            pos = limit;
        }
    }

    /**
     * Lets git's output gather before a read when little is waiting: one short sleep instead of one wake-up per
     * write of git. A reader woken by every write of its writer tends to be scheduled on the writer's core, and
     * the two then share one core while the other idles; a reader that reads large batches on its own timer runs
     * on the other core (EVAL_STRATEGY.md, "Speed and memory"). git writes about 10 KiB per millisecond on the
     * benchmark, so the 64 KiB pipe (32 KiB or less waiting, plus 2 ms of output) does not fill during the pause.
     */
    private void batch() throws IOException {
        if (in.available() < BATCH_BYTES) {
            try {
                Thread.sleep(BATCH_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading git log output", e);
            }
        }
    }

    /**
     * Decodes byte ranges to strings exactly as JGit decodes tree paths ({@link RawParseUtils#decode}: UTF-8,
     * falling back for other encodings), so that both backends name a non-UTF-8 path the same; a bounded table
     * returns the same instance for bytes seen before (paths and author names repeat on every commit), which
     * saves decoding and makes later map look-ups cheap.
     */
    private static final class Strings {

        private static final int MAX_SIZE = 1 << 16;
        private static final int MAX_BYTES = 1024;

        private byte[][] keys = new byte[1 << 12][];
        private String[] values = new String[1 << 12];
        private int size;

        String get(byte[] b, int from, int to) {
            int length = to - from;
            if (length > MAX_BYTES) {
                return RawParseUtils.decode(StandardCharsets.UTF_8, b, from, to);
            }
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + b[i];
            }
            int mask = keys.length - 1;
            int slot = mix(hash) & mask;
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], 0, keys[slot].length, b, from, to)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            String value = RawParseUtils.decode(StandardCharsets.UTF_8, b, from, to);
            if (size < MAX_SIZE) {
                keys[slot] = Arrays.copyOfRange(b, from, to);
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
            return value;
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }

        private void grow() {
            byte[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                byte[] key = oldKeys[i];
                if (key == null) {
                    continue;
                }
                int hash = 1;
                for (byte x : key) {
                    hash = 31 * hash + x;
                }
                int slot = mix(hash) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = oldValues[i];
            }
        }
    }

}
