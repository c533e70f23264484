package dev.vulcan.sot.layout;

import java.util.List;
import java.util.UUID;

/**
 * The read-only Layout API of one run (architecture proposal 3.1, every method of its summary table) over the
 * landed layout. Lookups of unknown paths or ids throw {@link LayoutNotFoundException} naming them and the run.
 * Obtain it from {@link dev.vulcan.sot.SourceOfTruth#layout(UUID)}; it is valid while the source of truth is
 * open.
 */
public interface LayoutApi {

    /**
     * Returns the run.
     *
     * @return the run id
     */
    UUID runId();

    /**
     * Returns the canonical file_id of a path ({@code get_file_id}).
     *
     * @param relativePath the repo-relative path
     * @return the file_id
     * @throws LayoutNotFoundException if no file has that path
     */
    String fileId(String relativePath);

    /**
     * Returns a file by id ({@code get_file_by_id}).
     *
     * @param fileId the file_id
     * @return the file
     * @throws LayoutNotFoundException if no file has that id
     */
    FileInfo fileById(String fileId);

    /**
     * Returns the files of a language, by path ({@code get_files_by_language}).
     *
     * @param language the language, as the layout names it
     * @return the files, empty when none
     */
    List<FileInfo> filesByLanguage(String language);

    /**
     * Returns the files of a category, by path ({@code get_files_by_category}).
     *
     * @param category source, test, config, docs...
     * @return the files, empty when none
     */
    List<FileInfo> filesByCategory(String category);

    /**
     * Returns the files directly in a directory, by file name ({@code get_files_in_directory}).
     *
     * @param directoryId the directory
     * @return the files, empty when it has none
     * @throws LayoutNotFoundException if the directory does not exist
     */
    List<FileInfo> filesInDirectory(String directoryId);

    /**
     * Resolves a file_id back to its path ({@code resolve_path}).
     *
     * @param fileId the file_id
     * @return the repo-relative path
     * @throws LayoutNotFoundException if no file has that id
     */
    String resolvePath(String fileId);

    /**
     * Returns the canonical directory_id of a path ({@code get_directory_id}); "" is the root.
     *
     * @param relativePath the repo-relative directory path
     * @return the directory_id
     * @throws LayoutNotFoundException if no directory has that path
     */
    String directoryId(String relativePath);

    /**
     * Returns a directory by id ({@code get_directory_by_id}).
     *
     * @param directoryId the directory_id
     * @return the directory
     * @throws LayoutNotFoundException if no directory has that id
     */
    DirectoryInfo directoryById(String directoryId);

    /**
     * Returns the immediate child directories, by path ({@code get_child_directories}).
     *
     * @param directoryId the parent
     * @return the children, empty for a leaf
     * @throws LayoutNotFoundException if the directory does not exist
     */
    List<DirectoryInfo> childDirectories(String directoryId);

    /**
     * Returns the root directory, depth 0 ({@code get_root_directory}).
     *
     * @return the root
     * @throws LayoutNotFoundException if the layout has no root directory
     */
    DirectoryInfo rootDirectory();

    /**
     * Returns the whole directory tree from the root ({@code get_directory_tree()}).
     *
     * @return the tree
     * @throws LayoutNotFoundException if the layout has no root directory
     */
    DirectoryNode directoryTree();

    /**
     * Returns the directory tree under a directory ({@code get_directory_tree(dir_id)}).
     *
     * @param directoryId the top directory
     * @return the tree
     * @throws LayoutNotFoundException if the directory does not exist
     */
    DirectoryNode directoryTree(String directoryId);
}
