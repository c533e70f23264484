package dev.vulcan.sot.layout;

import java.util.List;
import java.util.Objects;

/**
 * A directory with its files and child directories, recursively (architecture proposal 3.1).
 *
 * @param info the directory
 * @param files the files directly in it, by file name
 * @param children the child directories, by path
 */
public record DirectoryNode(DirectoryInfo info, List<FileInfo> files, List<DirectoryNode> children) {

    /**
     * Creates the node.
     *
     * @throws NullPointerException if a component is null
     */
    public DirectoryNode {
        Objects.requireNonNull(info, "info");
        files = List.copyOf(files);
        children = List.copyOf(children);
    }
}
