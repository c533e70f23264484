package dev.vulcan.sot.internal;

import dev.vulcan.sot.layout.DirectoryInfo;
import dev.vulcan.sot.layout.DirectoryNode;
import dev.vulcan.sot.layout.FileInfo;
import dev.vulcan.sot.layout.LayoutApi;
import dev.vulcan.sot.layout.LayoutNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link LayoutApi} of one run over {@code lz_layout_files} and {@code lz_layout_directories}, sharing the
 * engine's connection and lock.
 */
public final class DuckDbLayoutApi implements LayoutApi {

    private static final String FILE_COLUMNS = "file_id, relative_path, directory_id, filename, extension, language,"
            + " category, size_bytes, line_count, is_binary, stable_fingerprint";
    private static final String DIR_COLUMNS = "directory_id, relative_path, parent_id, depth, file_count, total_size_bytes";

    private final Connection connection;
    private final Object lock;
    private final UUID runId;

    /**
     * Creates the API for a run.
     *
     * @param connection the engine's connection
     * @param lock the object guarding the connection
     * @param runId the run
     * @throws LayoutNotFoundException if the run has no landed layout
     */
    public DuckDbLayoutApi(Connection connection, Object lock, UUID runId) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.runId = Objects.requireNonNull(runId, "runId");
        try {
            if (Sql.count(connection, "SELECT count(*) FROM lz_layout_directories WHERE run_id = ?", runId) == 0
                    && Sql.count(connection, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", runId) == 0) {
                throw new LayoutNotFoundException("run " + runId + " has no landed layout");
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read the layout of run " + runId, e);
        }
    }

    /**
     * Returns the run.
     *
     * @return the run id
     */
    @Override
    public UUID runId() {
        return runId;
    }

    /**
     * Returns the canonical file_id of a path ({@code get_file_id}).
     *
     * @param relativePath the repo-relative path
     * @return the file_id
     * @throws LayoutNotFoundException if no file has that path
     */
    @Override
    public String fileId(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        return one(files("relative_path = ?", "relative_path", relativePath), "no file with path '" + relativePath + "'")
                .fileId();
    }

    /**
     * Returns a file by id ({@code get_file_by_id}).
     *
     * @param fileId the file_id
     * @return the file
     * @throws LayoutNotFoundException if no file has that id
     */
    @Override
    public FileInfo fileById(String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        return one(files("file_id = ?", "relative_path", fileId), "no file with id '" + fileId + "'");
    }

    /**
     * Returns the files of a language, by path ({@code get_files_by_language}).
     *
     * @param language the language, as the layout names it
     * @return the files, empty when none
     */
    @Override
    public List<FileInfo> filesByLanguage(String language) {
        return files("language = ?", "relative_path", Objects.requireNonNull(language, "language"));
    }

    /**
     * Returns the files of a category, by path ({@code get_files_by_category}).
     *
     * @param category source, test, config, docs...
     * @return the files, empty when none
     */
    @Override
    public List<FileInfo> filesByCategory(String category) {
        return files("category = ?", "relative_path", Objects.requireNonNull(category, "category"));
    }

    /**
     * Returns the files directly in a directory, by file name ({@code get_files_in_directory}).
     *
     * @param directoryId the directory
     * @return the files, empty when it has none
     * @throws LayoutNotFoundException if the directory does not exist
     */
    @Override
    public List<FileInfo> filesInDirectory(String directoryId) {
        directoryById(directoryId);
        return files("directory_id = ?", "filename, relative_path", directoryId);
    }

    /**
     * Resolves a file_id back to its path ({@code resolve_path}).
     *
     * @param fileId the file_id
     * @return the repo-relative path
     * @throws LayoutNotFoundException if no file has that id
     */
    @Override
    public String resolvePath(String fileId) {
        return fileById(fileId).relativePath();
    }

    /**
     * Returns the canonical directory_id of a path ({@code get_directory_id}); "" is the root.
     *
     * @param relativePath the repo-relative directory path
     * @return the directory_id
     * @throws LayoutNotFoundException if no directory has that path
     */
    @Override
    public String directoryId(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        return one(directories("relative_path = ?", relativePath), "no directory with path '" + relativePath + "'")
                .directoryId();
    }

    /**
     * Returns a directory by id ({@code get_directory_by_id}).
     *
     * @param directoryId the directory_id
     * @return the directory
     * @throws LayoutNotFoundException if no directory has that id
     */
    @Override
    public DirectoryInfo directoryById(String directoryId) {
        Objects.requireNonNull(directoryId, "directoryId");
        return one(directories("directory_id = ?", directoryId), "no directory with id '" + directoryId + "'");
    }

    /**
     * Returns the immediate child directories, by path ({@code get_child_directories}).
     *
     * @param directoryId the parent
     * @return the children, empty for a leaf
     * @throws LayoutNotFoundException if the directory does not exist
     */
    @Override
    public List<DirectoryInfo> childDirectories(String directoryId) {
        directoryById(directoryId);
        return directories("parent_id = ?", directoryId);
    }

    /**
     * Returns the root directory, depth 0 ({@code get_root_directory}).
     *
     * @return the root
     * @throws LayoutNotFoundException if the layout has no root directory
     */
    @Override
    public DirectoryInfo rootDirectory() {
        return one(directories("depth = ?", 0), "no root directory");
    }

    /**
     * Returns the whole directory tree from the root ({@code get_directory_tree()}).
     *
     * @return the tree
     * @throws LayoutNotFoundException if the layout has no root directory
     */
    @Override
    public DirectoryNode directoryTree() {
        return directoryTree(rootDirectory().directoryId());
    }

    /**
     * Returns the directory tree under a directory ({@code get_directory_tree(dir_id)}), read in two queries.
     *
     * @param directoryId the top directory
     * @return the tree
     * @throws LayoutNotFoundException if the directory does not exist
     */
    @Override
    public DirectoryNode directoryTree(String directoryId) {
        DirectoryInfo top = directoryById(directoryId);
        Map<String, List<DirectoryInfo>> children = new HashMap<>();
        for (DirectoryInfo dir : directories("TRUE")) {
            if (dir.parentId() != null) {
                children.computeIfAbsent(dir.parentId(), k -> new ArrayList<>()).add(dir);
            }
        }
        Map<String, List<FileInfo>> files = new HashMap<>();
        for (FileInfo file : files("TRUE", "filename, relative_path")) {
            files.computeIfAbsent(file.directoryId(), k -> new ArrayList<>()).add(file);
        }
        return node(top, children, files);
    }

    private static DirectoryNode node(DirectoryInfo dir, Map<String, List<DirectoryInfo>> children,
            Map<String, List<FileInfo>> files) {
        List<DirectoryNode> nodes = new ArrayList<>();
        for (DirectoryInfo child : children.getOrDefault(dir.directoryId(), List.of())) {
            nodes.add(node(child, children, files));
        }
        return new DirectoryNode(dir, files.getOrDefault(dir.directoryId(), List.of()), nodes);
    }

    private List<FileInfo> files(String where, String orderBy, Object... params) {
        String sql = "SELECT " + FILE_COLUMNS + " FROM lz_layout_files WHERE run_id = ? AND " + where
                + " ORDER BY " + orderBy;
        synchronized (lock) {
            try (PreparedStatement statement = Sql.prepare(connection, sql, prepend(params));
                    ResultSet rs = statement.executeQuery()) {
                List<FileInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new FileInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8),
                            (Long) rs.getObject(9), (Boolean) rs.getObject(10), rs.getString(11)));
                }
                return out;
            } catch (SQLException e) {
                throw Sql.failure("cannot read the layout files of run " + runId, e);
            }
        }
    }

    private List<DirectoryInfo> directories(String where, Object... params) {
        String sql = "SELECT " + DIR_COLUMNS + " FROM lz_layout_directories WHERE run_id = ? AND " + where
                + " ORDER BY relative_path";
        synchronized (lock) {
            try (PreparedStatement statement = Sql.prepare(connection, sql, prepend(params));
                    ResultSet rs = statement.executeQuery()) {
                List<DirectoryInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DirectoryInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            (Long) rs.getObject(5), (Long) rs.getObject(6)));
                }
                return out;
            } catch (SQLException e) {
                throw Sql.failure("cannot read the layout directories of run " + runId, e);
            }
        }
    }

    private Object[] prepend(Object[] params) {
        Object[] all = new Object[params.length + 1];
        all[0] = runId;
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }

    private <T> T one(List<T> rows, String problem) {
        if (rows.isEmpty()) {
            throw new LayoutNotFoundException(problem + " in the layout of run " + runId);
        }
        return rows.get(0);
    }
}
