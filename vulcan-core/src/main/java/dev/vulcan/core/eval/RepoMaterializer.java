package dev.vulcan.core.eval;

import dev.vulcan.core.eval.internal.GitRepoCopier;
import java.nio.file.Path;

/**
 * Builds the git repository a tool is evaluated on from an evaluation repository's source folder.
 *
 * <p>The default, {@link #copyAndCommit()}, copies the folder into a fresh git repository and commits
 * everything in one commit. A tool whose evaluation needs history (several commits, several authors) passes
 * its own materializer to {@link Evaluation#evaluate(dev.vulcan.core.tool.Tool, Path, Path, RepoMaterializer)}.
 */
@FunctionalInterface
public interface RepoMaterializer {

    /**
     * Builds the repository.
     *
     * @param source the evaluation repository's folder under the tool's {@code eval/} folder
     * @param target an empty directory to build the git work tree in; HEAD must name a commit afterwards
     * @throws Exception if the repository cannot be built; every expectation on it is then an error
     */
    void materialize(Path source, Path target) throws Exception;

    /**
     * Returns the default materializer: copies every file and directory of the source (symbolic links are
     * copied as links, never followed; a {@code .git} folder in the source is skipped) into the target,
     * initializes a git repository on branch {@code main}, adds everything that its {@code .gitignore} files
     * do not ignore (ignored files stay in the work tree, untracked), and commits once with a fixed author
     * and date, so the commit SHA is reproducible.
     *
     * @return the materializer
     */
    static RepoMaterializer copyAndCommit() {
        return GitRepoCopier::copyAndCommit;
    }
}
