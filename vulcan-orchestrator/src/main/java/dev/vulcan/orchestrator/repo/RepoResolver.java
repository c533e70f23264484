package dev.vulcan.orchestrator.repo;

import dev.vulcan.core.envelope.Commits;
import dev.vulcan.core.git.GitResolutionException;
import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.git.ResolvedRevision;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.orchestrator.repo.internal.BoundedSshSessionFactory;
import dev.vulcan.orchestrator.repo.internal.ContentHash;
import dev.vulcan.orchestrator.repo.internal.DefaultBranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;

/**
 * Turns a {@link RepoSource} and an optional branch and commit into a {@link RepoInfo} (architecture proposal
 * 2.6), cloning with JGit when needed. Never runs the {@code git} executable.
 *
 * <ul>
 *   <li>URL ({@code file://}, {@code https://}, {@code ssh://}, scp-like): cloned into
 *       {@code workspace/checkout}; {@code refs/remotes/origin/HEAD} is set to the branch the remote
 *       advertises as HEAD; repo_id comes from the URL. SSH URLs go through JGit's Apache MINA sshd transport
 *       as {@link SshSettings} describes (the user's keys and known hosts, strict host key checking, no
 *       prompts); every clone's network reads are bounded by {@link SshSettings#timeout()}.</li>
 *   <li>Local work tree: branch and commit are resolved on it; if its HEAD is that commit it is analyzed in
 *       place (uncommitted changes included), else it is cloned into the workspace and the commit checked
 *       out (detached). repo_id comes from its {@code origin} URL, else its path.</li>
 *   <li>Local bare repository or mirror: resolved on it, then cloned into the workspace.</li>
 *   <li>Plain directory (no git): analyzed in place; the commit is the given full SHA, else the
 *       {@linkplain ContentHash content hash} of its files; the branch is the given one, else
 *       {@value GitRevisions#DETACHED}; repo_id comes from its path.</li>
 * </ul>
 *
 * <p>Without {@code --branch}, the default branch is detected in the order of 2.6 (origin/HEAD, then main,
 * master, develop, then HEAD's branch); the commit is that branch's tip unless {@code --commit} is given.
 */
public final class RepoResolver {

    /** The folder under the workspace that receives clones. */
    public static final String CHECKOUT_DIR = "checkout";

    private final Path workspace;
    private final SshSettings ssh;

    /**
     * Creates a resolver that clones over SSH with the current user's keys and known hosts
     * ({@link SshSettings#ofCurrentUser()}).
     *
     * @param workspace the folder clones go to (created when needed); must be absolute
     * @throws IllegalArgumentException if the workspace is not absolute
     */
    public RepoResolver(Path workspace) {
        this(workspace, SshSettings.ofCurrentUser());
    }

    /**
     * Creates a resolver.
     *
     * @param workspace the folder clones go to (created when needed); must be absolute
     * @param ssh how to clone over SSH (keys, known hosts) and the network timeout of every clone
     * @throws IllegalArgumentException if the workspace is not absolute
     */
    public RepoResolver(Path workspace, SshSettings ssh) {
        Objects.requireNonNull(workspace, "workspace");
        if (!workspace.isAbsolute()) {
            throw new IllegalArgumentException("workspace must be absolute: " + workspace);
        }
        this.workspace = workspace.normalize();
        this.ssh = Objects.requireNonNull(ssh, "ssh");
    }

    /**
     * Resolves a source.
     *
     * @param source what to analyze
     * @param branch the branch, or null to detect the default branch
     * @param commit a SHA, ref or {@code HEAD}, or null for the branch tip
     * @return the resolved repository
     * @throws RepoResolutionException if the source cannot be reached, cloned or resolved
     */
    public RepoInfo resolve(RepoSource source, String branch, String commit) {
        Objects.requireNonNull(source, "source");
        String wantedBranch = blankToNull(branch);
        String wantedCommit = blankToNull(commit);
        if (source.isUrl()) {
            return resolveUrl(source, wantedBranch, wantedCommit);
        }
        Path path = source.localPath();
        if (!Files.isDirectory(path)) {
            throw new RepoResolutionException(path + " does not exist or is not a directory");
        }
        if (!GitRevisions.isRepository(path)) {
            return resolvePlain(source, path, wantedBranch, wantedCommit);
        }
        return resolveLocalRepository(source, path, wantedBranch, wantedCommit);
    }

    private RepoInfo resolveUrl(RepoSource source, String branch, String commit) {
        Path dir = freshCheckoutDir();
        if (source.kind() == RepoSource.Kind.SSH_URL) {
            cloneOverSsh(source.location(), dir);
        } else {
            clone(source.location(), dir, source.location(), null);
        }
        ResolvedRevision revision;
        try (Repository repo = openRepository(dir)) {
            revision = resolveRevision(repo, dir, branch, commit);
        }
        checkoutIfNeeded(dir, revision.commit(), source.location());
        return new RepoInfo(dir, CanonicalIds.repoIdFromRemote(source.location()), source.name(),
                source.location(), revision.branch(), revision.commit(), Checkout.CLONED);
    }

    private RepoInfo resolveLocalRepository(RepoSource source, Path path, String branch, String commit) {
        ResolvedRevision revision;
        String head;
        try (Repository repo = openRepository(path)) {
            revision = resolveRevision(repo, path, branch, commit);
            head = headCommit(repo);
        }
        String remote = revision.remoteUrl();
        var repoId = remote != null ? CanonicalIds.repoIdFromRemote(remote) : CanonicalIds.repoIdFromPath(path);
        boolean workTree = Files.exists(path.resolve(Constants.DOT_GIT));
        if (workTree && revision.commit().equals(head)) {
            return new RepoInfo(path, repoId, source.name(), remote, revision.branch(), revision.commit(),
                    Checkout.IN_PLACE);
        }
        Path dir = freshCheckoutDir();
        clone(path.toUri().toString(), dir, path.toString(), null);
        fetchIfMissing(dir, revision.commit(), path);
        checkoutIfNeeded(dir, revision.commit(), path.toString());
        return new RepoInfo(dir, repoId, source.name(), remote, revision.branch(), revision.commit(), Checkout.CLONED);
    }

    private static RepoInfo resolvePlain(RepoSource source, Path path, String branch, String commit) {
        String sha;
        if (commit == null) {
            try {
                sha = ContentHash.of(path);
            } catch (IOException e) {
                throw new RepoResolutionException("cannot hash the files of plain directory " + path + ": " + e, e);
            }
        } else if (Commits.isFullSha(commit)) {
            sha = commit.toLowerCase(java.util.Locale.ROOT);
        } else {
            throw new RepoResolutionException(path + " is not a git repository: --commit must then be a full "
                    + "40-hex SHA (or be left out to use the content hash of the directory), got '" + commit + "'");
        }
        return new RepoInfo(path, CanonicalIds.repoIdFromPath(path), source.name(), null,
                branch != null ? branch : GitRevisions.DETACHED, sha, Checkout.PLAIN_DIRECTORY);
    }

    /** Opens a repository once for all the look-ups of a resolution. */
    private static Repository openRepository(Path repoPath) {
        try {
            return GitRevisions.open(repoPath);
        } catch (GitResolutionException e) {
            throw new RepoResolutionException(e.getMessage(), e);
        }
    }

    private static ResolvedRevision resolveRevision(Repository repo, Path repoPath, String branch, String commit) {
        try {
            String effectiveBranch = branch != null ? branch : DefaultBranch.detect(repo);
            return GitRevisions.resolve(repo, repoPath, effectiveBranch, commit);
        } catch (IOException e) {
            throw new RepoResolutionException(repoPath + ": cannot read refs: " + e.getMessage(), e);
        } catch (GitResolutionException e) {
            throw new RepoResolutionException(e.getMessage(), e);
        }
    }

    private static String headCommit(Repository repo) {
        try {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            return head == null ? null : head.name();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Path freshCheckoutDir() {
        Path dir = workspace.resolve(CHECKOUT_DIR);
        try {
            if (Files.exists(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new RepoResolutionException("workspace folder " + dir + " is not empty");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RepoResolutionException("cannot create workspace folder " + dir + ": " + e, e);
        }
        return dir;
    }

    /**
     * Clones through JGit's Apache MINA sshd transport configured by {@link #ssh}; the session factory (its SSH
     * client and threads) lives only as long as the clone.
     */
    private void cloneOverSsh(String uri, Path dir) {
        BoundedSshSessionFactory factory = new BoundedSshSessionFactory(ssh.homeDirectory().toFile(),
                ssh.sshDirectory().toFile(), ssh.timeout());
        try {
            clone(uri, dir, uri, transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(factory);
                }
            });
        } catch (RepoResolutionException e) {
            throw new RepoResolutionException(e.getMessage() + " (SSH in batch mode: keys from " + ssh.sshDirectory()
                    + " or its config, the host key must be in its known_hosts, no password or passphrase prompt,"
                    + " timeout " + ssh.timeoutSeconds() + " s)", e.getCause());
        } finally {
            factory.close();
        }
    }

    private void clone(String uri, Path dir, String shownAs, TransportConfigCallback transportConfig) {
        try (Git git = Git.cloneRepository().setURI(uri).setDirectory(dir.toFile()).setCloneAllBranches(true)
                .setTimeout(ssh.timeoutSeconds()).setTransportConfigCallback(transportConfig).call()) {
            Repository repo = git.getRepository();
            if (repo.resolve(Constants.HEAD) == null && repo.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES).isEmpty()) {
                throw new RepoResolutionException(shownAs + ": the repository has no commits");
            }
            linkOriginHead(repo);
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof RepoResolutionException r) {
                throw r;
            }
            throw new RepoResolutionException("cannot clone " + shownAs + ": " + e.getMessage(), e);
        }
    }

    /** Records the remote's default branch as {@code refs/remotes/origin/HEAD}, as {@code git clone} does. */
    private static void linkOriginHead(Repository repo) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
            return;
        }
        String branch = Repository.shortenRefName(head.getTarget().getName());
        String remoteBranch = Constants.R_REMOTES + "origin/" + branch;
        if (repo.exactRef(remoteBranch) == null) {
            return;
        }
        RefUpdate update = repo.updateRef(Constants.R_REMOTES + "origin/" + Constants.HEAD);
        update.link(remoteBranch);
    }

    private static void fetchIfMissing(Path dir, String commit, Path source) {
        try (Git git = Git.open(dir.toFile())) {
            if (git.getRepository().getObjectDatabase().has(ObjectId.fromString(commit))) {
                return;
            }
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+HEAD:refs/vulcan/source-head"),
                    new RefSpec("+refs/*:refs/vulcan/source/*")).call();
        } catch (IOException | GitAPIException e) {
            throw new RepoResolutionException("cannot fetch commit " + commit + " from " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private static void checkoutIfNeeded(Path dir, String commit, String shownAs) {
        try (Git git = Git.open(dir.toFile())) {
            ObjectId head = git.getRepository().resolve(Constants.HEAD + "^{commit}");
            if (head != null && head.name().equals(commit)) {
                return;
            }
            if (!git.getRepository().getObjectDatabase().has(ObjectId.fromString(commit))) {
                throw new RepoResolutionException(shownAs + ": commit " + commit + " is not in the clone");
            }
            git.checkout().setName(commit).setForced(true).call();
        } catch (IOException | GitAPIException e) {
            throw new RepoResolutionException("cannot check out " + commit + " of " + shownAs + ": "
                    + e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
