package dev.vulcan.orchestrator.repo.internal;

import dev.vulcan.core.git.GitRevisions;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Default branch detection in the order of architecture proposal 2.6: the target of
 * {@code refs/remotes/origin/HEAD}; else the first of {@code main}, {@code master}, {@code develop} that exists
 * under {@code refs/heads/}; else the branch HEAD points at; else {@value GitRevisions#DETACHED}.
 */
public final class DefaultBranch {

    /** The conventional branch names tried, in order, when origin/HEAD is not set. */
    public static final List<String> CONVENTIONAL = List.of("main", "master", "develop");

    private static final String ORIGIN_HEAD = Constants.R_REMOTES + "origin/" + Constants.HEAD;
    private static final String ORIGIN_PREFIX = Constants.R_REMOTES + "origin/";

    private DefaultBranch() {
    }

    /**
     * Detects the default branch of a repository.
     *
     * @param repo an open repository
     * @return the branch name, or {@value GitRevisions#DETACHED} when HEAD is detached and nothing else applies
     * @throws IOException if the refs cannot be read
     */
    public static String detect(Repository repo) throws IOException {
        Objects.requireNonNull(repo, "repo");
        Ref originHead = repo.exactRef(ORIGIN_HEAD);
        if (originHead != null && originHead.isSymbolic()) {
            String target = originHead.getTarget().getName();
            if (target.startsWith(ORIGIN_PREFIX) && target.length() > ORIGIN_PREFIX.length()) {
                return target.substring(ORIGIN_PREFIX.length());
            }
        }
        for (String name : CONVENTIONAL) {
            Ref ref = repo.exactRef(Constants.R_HEADS + name);
            if (ref != null && ref.getObjectId() != null) {
                return name;
            }
        }
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        return GitRevisions.DETACHED;
    }
}
