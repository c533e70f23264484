package dev.vulcan.tool.githistory;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolLauncher;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.githistory.internal.AuthorNames;
import dev.vulcan.tool.githistory.internal.GitLog;
import dev.vulcan.tool.githistory.internal.HistoryStats;
import dev.vulcan.tool.githistory.internal.HistoryWalker;
import dev.vulcan.tool.githistory.internal.MailMap;
import dev.vulcan.tool.githistory.internal.NoSystemConfigReader;
import dev.vulcan.tool.githistory.internal.ReportBuilder;
import dev.vulcan.tool.githistory.internal.Warmup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.SystemReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The git-history tool: churn, authorship, ownership, logical coupling and knowledge concentration (truck
 * factor, orphaned files) of the files of the analyzed commit, from the history reachable from that commit.
 * History is read by one {@code git log} process when {@code git} is installed (option {@code history_backend},
 * see {@link GitLog} for how it is isolated from the repository's config) and with JGit otherwise; no repository
 * code is executed.
 *
 * <p>Options come from the config's {@code tool_specific} object ({@link GitHistoryOptions}); the README
 * defines every output field.
 */
public final class GitHistoryTool implements Tool {

    /** The tool name. */
    public static final String NAME = "git-history";
    /** The largest {@code .mailmap} read, in bytes. */
    public static final int MAX_MAILMAP_BYTES = 1024 * 1024;

    private static final String MAILMAP = ".mailmap";
    private static final long PACK_CACHE_BYTES = 256L * 1024 * 1024;
    private static final int DELTA_CACHE_BYTES = 64 * 1024 * 1024;

    private static final ToolDescriptor DESCRIPTOR = ToolDescriptor.builder(NAME)
            .displayName("Git history: churn, ownership, coupling, truck factor")
            .version("1.0.0")
            .schemaVersion("1.0.0")
            .phase(2)
            .timeout(Duration.ofMinutes(15))
            .produces("tool_git_history_files")
            .requiresLayout(true)
            .build();

    /** True in the tool's own process (the jar's main): one-time costs are prepared on a second thread. */
    private final boolean commandLine;

    /** Creates the tool (the {@link java.util.ServiceLoader} needs a public no-argument constructor). */
    public GitHistoryTool() {
        this(false);
    }

    private GitHistoryTool(boolean commandLine) {
        this.commandLine = commandLine;
    }

    /**
     * Runs the tool from the command line ({@link ToolLauncher}) and exits the JVM. In its own process the tool
     * enlarges JGit's process-wide pack caches (JGit's defaults are 10 MiB), which makes reading a long history
     * several times faster, gives JGit no system-wide git config (as the git process it starts,
     * {@link NoSystemConfigReader}: no probing {@code git} processes at start-up), and prepares one-time costs on a
     * second thread ({@link Warmup}); in-process runs leave the embedding JVM's JGit settings alone.
     *
     * @param args the standard tool command line
     */
    public static void main(String[] args) {
        Warmup.startup();
        SystemReader.setInstance(new NoSystemConfigReader(SystemReader.getInstance()));
        GitHistoryTool tool = new GitHistoryTool(true);
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setPackedGitLimit(PACK_CACHE_BYTES);
        cache.setDeltaBaseCacheLimit(DELTA_CACHE_BYTES);
        cache.install();
        ToolLauncher.main(tool, args);
    }

    /**
     * Returns the descriptor: phase 2, 15 minute timeout, layout required for import.
     *
     * @return the descriptor
     */
    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Analyzes the history of the context's commit.
     *
     * @param context the inputs
     * @return the data and recoverable errors
     * @throws IOException if the repository or the analyzed commit cannot be read
     * @throws IllegalArgumentException if a {@code tool_specific} option is invalid
     * @throws java.util.concurrent.CancellationException if the deadline passes
     */
    @Override
    public ToolResult analyze(ToolContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        GitHistoryOptions options = GitHistoryOptions.fromToolSpecific(context.toolSpecific());
        List<ToolError> errors = new ArrayList<>();
        try (Repository repository = GitRevisions.open(context.repoPath());
                RevWalk walk = new RevWalk(repository)) {
            ObjectId headId = ObjectId.fromString(context.commit());
            Path git = gitExecutable(options.historyBackend());
            // git starts first (after its commit listing, which takes hundredths of a second): it diffs while JGit
            // opens the packs and reads the files and the .mailmap
            GitLog log = git == null ? null : startLog(git, repository, headId, options, context.deadline());
            if (log == null) {
                git = null; // not installed, not wanted, or it could not be started (auto): JGit
            }
            if (commandLine) {
                Warmup.rehearse(outputSchemaId()); // on the second core while the history is read
            }
            RevCommit head;
            HistoryStats stats;
            Set<String> paths;
            MailMap mailMap;
            Instant reference;
            HistoryWalker.Outcome outcome = null;
            boolean fromCommit = options.referenceTime() == null;
            try (GitLog closing = log) {
                head = walk.parseCommit(headId);
                paths = currentPaths(repository, head, errors);
                mailMap = mailMap(repository, head, errors);
                reference = fromCommit ? head.getCommitterIdent().getWhenAsInstant() : options.referenceTime();
                stats = newStats(paths, mailMap, reference, options);
                if (log != null) {
                    try {
                        outcome = HistoryWalker.walkLog(repository, log, head, paths, options.maxCommits(),
                                context::checkCancelled, stats).orElse(null);
                    } catch (IOException | GitLog.GitLogException e) {
                        fallBack(options, e, context);
                        git = null;
                    }
                    if (outcome == null) {
                        stats = newStats(paths, mailMap, reference, options); // discard the partial statistics
                    }
                }
            }
            if (outcome == null && git != null) {
                // git's order is not topological (a committer clock went backwards): JGit walks, git diffs
                try {
                    outcome = HistoryWalker.walk(repository, head, paths, options.maxCommits(),
                            context::checkCancelled, stats, git, context.deadline());
                } catch (IOException | GitLog.GitLogException e) {
                    fallBack(options, e, context);
                    stats = newStats(paths, mailMap, reference, options);
                }
            }
            if (outcome == null) {
                outcome = HistoryWalker.walk(repository, head, paths, options.maxCommits(), context::checkCancelled,
                        stats);
            }
            errors.addAll(outcome.errors());
            AuthorNames names = options.anonymizeAuthors() ? AuthorNames.anonymized(options.anonymizationKey())
                    : AuthorNames.real(!options.emitEmails());
            ObjectNode data = ReportBuilder.build(stats, options, names,
                    new ReportBuilder.RunFacts(reference, fromCommit, outcome.truncated(), mailMap.size()));
            return new ToolResult(data, errors, paths.size());
        }
    }

    private static HistoryStats newStats(Set<String> paths, MailMap mailMap, Instant reference,
            GitHistoryOptions options) {
        Instant recentSince = reference.minus(Duration.ofDays(options.recentWindowDays()));
        return new HistoryStats(List.copyOf(paths), mailMap, recentSince, options.maxChangesetSize());
    }

    /**
     * Starts the walking git log (one commit more than the limit, to tell truncation), split among up to one process
     * per core; null when it fails in auto.
     */
    private static GitLog startLog(Path git, Repository repository, ObjectId head, GitHistoryOptions options,
            Instant deadline) throws IOException {
        int maxCount = options.maxCommits() == Integer.MAX_VALUE ? Integer.MAX_VALUE : options.maxCommits() + 1;
        try {
            return GitLog.walk(git, repository.getDirectory().toPath(), head.name(), maxCount, deadline,
                    GitLog.Split.forThisMachine());
        } catch (IOException | GitLog.GitLogException e) {
            if (options.historyBackend() == HistoryBackend.GIT) {
                throw new IOException("history_backend git: " + e.getMessage(), e);
            }
            return null;
        }
    }

    /** With the forced git backend a failure of git fails the run; in auto mode the history is read with JGit. */
    private static void fallBack(GitHistoryOptions options, Exception e, ToolContext context) throws IOException {
        if (options.historyBackend() == HistoryBackend.GIT) {
            throw new IOException("history_backend git: " + e.getMessage(), e);
        }
        context.checkCancelled();
    }

    /** The git executable to use, or null for JGit. */
    private static Path gitExecutable(HistoryBackend backend) throws IOException {
        if (backend == HistoryBackend.JGIT) {
            return null;
        }
        Optional<Path> git = GitLog.findExecutable();
        if (git.isEmpty() && backend == HistoryBackend.GIT) {
            throw new IOException("history_backend git: no git executable on the PATH");
        }
        return git.orElse(null);
    }

    /** The regular and executable files of the analyzed commit (no symlinks, no submodules), valid paths only. */
    private static Set<String> currentPaths(Repository repository, RevCommit head, List<ToolError> errors)
            throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        int invalid = 0;
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(head.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
                    continue;
                }
                String path = tree.getPathString();
                if (RepoPaths.isValid(path)) {
                    paths.add(path);
                } else {
                    invalid++;
                }
            }
        }
        if (invalid > 0) {
            errors.add(ToolError.recoverable("INVALID_PATH", invalid + " file(s) of the analyzed commit have paths "
                    + "that are not valid repo-relative paths (backslash, drive letter...); they are left out", null));
        }
        return paths;
    }

    /** The .mailmap of the analyzed commit (not of the work tree), or the empty map. */
    private static MailMap mailMap(Repository repository, RevCommit head, List<ToolError> errors)
            throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(repository, MAILMAP, head.getTree())) {
            if (tree == null || !FileMode.REGULAR_FILE.equals(tree.getFileMode(0))) {
                return MailMap.empty();
            }
            ObjectLoader loader = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB);
            if (loader.getSize() > MAX_MAILMAP_BYTES) {
                errors.add(ToolError.recoverable("MAILMAP_TOO_LARGE", ".mailmap is larger than " + MAX_MAILMAP_BYTES
                        + " bytes and was not used; authors are not merged", MAILMAP));
                return MailMap.empty();
            }
            MailMap map = MailMap.parse(new String(loader.getBytes(), StandardCharsets.UTF_8));
            if (map.skippedLines() > 0) {
                errors.add(ToolError.recoverable("MAILMAP_INVALID_LINES", map.skippedLines()
                        + " line(s) of .mailmap could not be parsed and were skipped", MAILMAP));
            }
            return map;
        }
    }
}
