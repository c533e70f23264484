package dev.vulcan.core.git;

import dev.vulcan.core.envelope.Commits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Resolves a branch and a commit reference to a full commit SHA with JGit (architecture proposal 2.6): the
 * commit is never left as {@code HEAD}. Works on a repository without remote, on a detached HEAD and on a
 * bare repository; never runs the {@code git} executable.
 */
public final class GitRevisions {

    /** The branch name recorded for a detached HEAD. */
    public static final String DETACHED = "detached";

    private GitRevisions() {
    }

    /**
     * Tells whether a directory is a git work tree (has {@code .git}) or a bare repository.
     *
     * @param path the directory
     * @return true for a repository
     */
    public static boolean isRepository(Path path) {
        Objects.requireNonNull(path, "path");
        return Files.exists(path.resolve(Constants.DOT_GIT)) || isBare(path);
    }

    /**
     * Opens the repository at a path: a work tree (with {@code .git} directory or file) or a bare repository.
     * The caller closes it. Parent directories are never searched.
     *
     * @param path the repository root
     * @return the repository
     * @throws GitResolutionException if the path is not a git repository
     */
    public static Repository open(Path path) {
        Objects.requireNonNull(path, "path");
        Path abs = path.toAbsolutePath().normalize();
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
            if (Files.exists(abs.resolve(Constants.DOT_GIT))) {
                builder.setWorkTree(abs.toFile());
            } else if (isBare(abs)) {
                builder.setGitDir(abs.toFile());
            } else {
                throw new GitResolutionException(abs + " is not a git repository (no .git found)");
            }
            return builder.setup().build();
        } catch (IOException | IllegalArgumentException e) {
            throw new GitResolutionException(abs + " is not a readable git repository: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves a branch and a commit reference to a full SHA.
     *
     * <ul>
     *   <li>A commit given as a SHA or ref (not {@code HEAD}) is resolved as is; the branch is kept as given, or
     *       taken from HEAD.</li>
     *   <li>No commit, or {@code HEAD}, with a branch: the tip of {@code refs/heads/BRANCH}, else
     *       {@code refs/remotes/origin/BRANCH}.</li>
     *   <li>No commit and no branch: HEAD; the branch is HEAD's branch, or {@value #DETACHED}.</li>
     * </ul>
     *
     * @param repoPath the repository root
     * @param branch the branch, or null
     * @param commit a SHA (full or abbreviated), a ref, {@code HEAD}, or null
     * @return the resolved revision
     * @throws GitResolutionException if the path is not a repository, has no commits, or a ref is unknown
     */
    public static ResolvedRevision resolve(Path repoPath, String branch, String commit) {
        Objects.requireNonNull(repoPath, "repoPath");
        try (Repository repo = open(repoPath)) {
            return resolve(repo, repoPath, branch, commit);
        }
    }

    /**
     * Resolves like {@link #resolve(Path, String, String)} in a repository the caller opened (and closes), so that
     * one opening serves several look-ups.
     *
     * @param repo the open repository
     * @param repoPath its root, as named in error messages
     * @param branch the branch, or null
     * @param commit a SHA (full or abbreviated), a ref, {@code HEAD}, or null
     * @return the resolved revision
     * @throws GitResolutionException if the repository has no commits or a ref is unknown
     */
    public static ResolvedRevision resolve(Repository repo, Path repoPath, String branch, String commit) {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(repoPath, "repoPath");
        String remoteUrl = repo.getConfig().getString("remote", "origin", "url");
        boolean useHead = commit == null || commit.isBlank() || Constants.HEAD.equals(commit);
        ObjectId id;
        if (!useHead) {
            id = resolveCommit(repo, repoPath, commit);
        } else if (branch != null && !branch.isBlank() && !DETACHED.equals(branch)) {
            id = resolveBranch(repo, repoPath, branch);
        } else {
            id = resolveCommit(repo, repoPath, Constants.HEAD);
        }
        String resolvedBranch = branch != null && !branch.isBlank() ? branch : headBranch(repo);
        return new ResolvedRevision(resolvedBranch, id.name(), remoteUrl);
    }

    /**
     * Resolves like {@link #resolve(Path, String, String)}, except that a directory that is not a repository
     * is accepted when the commit is already a full SHA (a caller such as the orchestrator vouches for it,
     * for example with a content hash of a plain directory).
     *
     * @param repoPath the repository root or plain directory
     * @param branch the branch, or null
     * @param commit a SHA, ref, HEAD or null
     * @return the resolved revision
     * @throws GitResolutionException if the path is not a repository and the commit is not a full SHA, or a
     *     ref cannot be resolved
     */
    public static ResolvedRevision resolveOrAccept(Path repoPath, String branch, String commit) {
        Objects.requireNonNull(repoPath, "repoPath");
        if (!isRepository(repoPath) && Commits.isFullSha(commit)) {
            return new ResolvedRevision(branch != null && !branch.isBlank() ? branch : DETACHED, commit, null);
        }
        return resolve(repoPath, branch, commit);
    }

    private static ObjectId resolveBranch(Repository repo, Path repoPath, String branch) {
        for (String name : List.of(Constants.R_HEADS + branch, Constants.R_REMOTES + "origin/" + branch)) {
            try {
                Ref ref = repo.exactRef(name);
                if (ref != null && ref.getObjectId() != null) {
                    return peelToCommit(repo, repoPath, ref.getObjectId().name(), branch);
                }
            } catch (IOException e) {
                throw new GitResolutionException(repoPath + ": cannot read branch '" + branch + "': " + e.getMessage(), e);
            }
        }
        throw new GitResolutionException(repoPath + ": branch '" + branch + "' does not exist");
    }

    private static ObjectId resolveCommit(Repository repo, Path repoPath, String ref) {
        return peelToCommit(repo, repoPath, ref, ref);
    }

    private static ObjectId peelToCommit(Repository repo, Path repoPath, String revision, String shownAs) {
        try {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                if (Constants.HEAD.equals(revision)) {
                    throw new GitResolutionException(repoPath + ": the repository has no commits");
                }
                throw new GitResolutionException(repoPath + ": cannot resolve ref '" + shownAs + "' to a commit");
            }
            return id;
        } catch (RevisionSyntaxException e) {
            throw new GitResolutionException(repoPath + ": invalid ref '" + shownAs + "'", e);
        } catch (IOException e) {
            throw new GitResolutionException(repoPath + ": cannot resolve ref '" + shownAs + "': " + e.getMessage(), e);
        }
    }

    private static String headBranch(Repository repo) {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic()) {
                return Repository.shortenRefName(head.getTarget().getName());
            }
            return DETACHED;
        } catch (IOException e) {
            return DETACHED;
        }
    }

    private static boolean isBare(Path path) {
        return Files.isRegularFile(path.resolve(Constants.HEAD)) && Files.isDirectory(path.resolve("objects"))
                && Files.isDirectory(path.resolve("refs"));
    }
}
