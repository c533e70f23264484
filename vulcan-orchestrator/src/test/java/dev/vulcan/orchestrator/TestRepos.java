package dev.vulcan.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Builds real git repositories with JGit for tests. */
public final class TestRepos {

    private static final PersonIdent AUTHOR = new PersonIdent("Ada Tester", "ada@example.org", 1_700_000_000_000L, 0);

    private TestRepos() {
    }

    /**
     * Creates a work tree on branch {@code initialBranch} with one commit of the given files.
     *
     * @param dir the folder
     * @param initialBranch the first branch
     * @param files path to content
     * @return the repository handle (close it)
     */
    public static Git init(Path dir, String initialBranch, Map<String, String> files) throws IOException, GitAPIException {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(initialBranch).call();
        commit(git, files, "initial");
        return git;
    }

    /**
     * Writes files and commits them.
     *
     * @param git the repository
     * @param files path to content
     * @param message the commit message
     * @return the commit
     */
    public static RevCommit commit(Git git, Map<String, String> files, String message) throws IOException, GitAPIException {
        Path root = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }
}
