package dev.vulcan.tool.layout.internal;

import dev.vulcan.core.envelope.ToolError;
import java.util.List;
import java.util.Objects;

/**
 * What a walk of the repository found: the entries of the file universe, the problems met, and how many
 * entries were left out on purpose.
 *
 * @param source {@code git} for a git work tree, {@code directory} for a plain directory walk
 * @param entries the files and symbolic links, in path order
 * @param errors recoverable problems (vanished files, special files, invalid paths, unreadable folders)
 * @param skippedSubmodules submodules and nested repositories left out (their content is another repository)
 * @param skippedSpecialFiles FIFOs, sockets and devices left out
 */
public record WalkResult(String source, List<Entry> entries, List<ToolError> errors, int skippedSubmodules,
        int skippedSpecialFiles) {

    /**
     * Creates a result.
     *
     * @throws NullPointerException if a component is null
     */
    public WalkResult {
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }

    /**
     * One entry of the file universe.
     *
     * @param path the repo-relative path
     * @param symlink whether it is a symbolic link (else a regular file)
     * @param tracked whether git tracks it (in the index), or null for a plain directory
     */
    public record Entry(String path, boolean symlink, Boolean tracked) {

        /**
         * Creates an entry.
         *
         * @throws NullPointerException if the path is null
         */
        public Entry {
            Objects.requireNonNull(path, "path");
        }
    }
}
