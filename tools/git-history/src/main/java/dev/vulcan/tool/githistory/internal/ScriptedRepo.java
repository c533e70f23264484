package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import tools.jackson.databind.JsonNode;

/**
 * Builds a git repository with a scripted history (authors, e-mails, times, renames, branches and merges) with
 * JGit, for tests and for the evaluation repositories, whose history cannot be stored as plain files.
 *
 * <p>A script file ({@code history.json} in an evaluation repository folder) is
 * {@code {"steps": [STEP...]}}, each step one of:
 * <pre>
 * {"branch": "NAME"}                 create a branch at HEAD and check it out
 * {"checkout": "NAME"}               check out an existing branch
 * {"merge": "NAME"}                  merge a branch without committing (the next commit is the merge commit)
 * {"commit": {"author": "A", "email": "a@x", "time": "2024-01-01T00:00:00Z", "message": "m",
 *             "write": {"PATH": "TEXT"}, "write_base64": {"PATH": "BASE64"},
 *             "rename": {"FROM": "TO"}, "delete": ["PATH"]}}
 * </pre>
 * Within a commit, deletions run first, then renames, then writes. Paths must be valid repo-relative paths;
 * nothing is written outside the target folder and no link is created or followed.
 */
public final class ScriptedRepo implements AutoCloseable {

    /** The script file name in an evaluation repository folder. */
    public static final String SCRIPT_FILE = "history.json";

    private final Git git;
    private final Path root;

    private ScriptedRepo(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /**
     * Creates an empty repository on branch {@code main}.
     *
     * @param directory an empty or missing directory
     * @return the repository
     * @throws IOException if it cannot be created
     */
    public static ScriptedRepo init(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        try {
            Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
            return new ScriptedRepo(git, directory.toAbsolutePath().normalize());
        } catch (GitAPIException e) {
            throw new IOException("cannot create a repository in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Plays a script into a new repository from the command line:
     * {@code java -cp JAR dev.vulcan.tool.githistory.internal.ScriptedRepo SCRIPT_FOLDER TARGET} (used to make
     * the training repository of the class-data-sharing archive, {@code bin/cds-archive.sh}).
     *
     * @param args the folder holding {@value #SCRIPT_FILE} and an empty or missing target directory
     * @throws IOException if the script is missing or invalid, or the repository cannot be written
     * @throws IllegalArgumentException if there are not exactly two arguments
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ScriptedRepo SCRIPT_FOLDER TARGET");
        }
        materialize(Path.of(args[0]), Path.of(args[1]));
    }

    /**
     * Plays the script {@value #SCRIPT_FILE} of a folder into a new repository (a
     * {@code dev.vulcan.core.eval.RepoMaterializer}).
     *
     * @param source the folder holding the script
     * @param target an empty directory
     * @throws IOException if the script is missing or invalid, or the repository cannot be written
     */
    public static void materialize(Path source, Path target) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Path script = source.resolve(SCRIPT_FILE);
        JsonNode json = Json.read(script);
        JsonNode steps = json.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw new IOException(script + ": needs a non-empty \"steps\" array");
        }
        try (ScriptedRepo repo = init(target)) {
            int n = 0;
            for (JsonNode step : steps) {
                n++;
                try {
                    repo.play(step);
                } catch (IllegalArgumentException e) {
                    throw new IOException(script + ": step " + n + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void play(JsonNode step) throws IOException {
        if (step.has("branch")) {
            branch(step.get("branch").asString());
        } else if (step.has("checkout")) {
            checkout(step.get("checkout").asString());
        } else if (step.has("merge")) {
            merge(step.get("merge").asString());
        } else if (step.has("commit")) {
            JsonNode c = step.get("commit");
            for (JsonNode path : c.path("delete")) {
                delete(path.asString());
            }
            for (var e : c.path("rename").properties()) {
                rename(e.getKey(), e.getValue().asString());
            }
            for (var e : c.path("write").properties()) {
                write(e.getKey(), e.getValue().asString());
            }
            for (var e : c.path("write_base64").properties()) {
                writeBytes(e.getKey(), Base64.getDecoder().decode(e.getValue().asString()));
            }
            commit(required(c, "author"), required(c, "email"), Instant.parse(required(c, "time")),
                    c.path("message").asString("scripted commit"));
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("commit needs a string \"" + field + "\"");
        }
        return value.asString();
    }

    /**
     * Writes a text file in the work tree (UTF-8).
     *
     * @param path the repo-relative path
     * @param content the text
     * @return this repository
     * @throws IOException if the file cannot be written
     */
    public ScriptedRepo write(String path, String content) throws IOException {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file in the work tree.
     *
     * @param path the repo-relative path
     * @param content the bytes
     * @return this repository
     * @throws IOException if the file cannot be written
     */
    public ScriptedRepo writeBytes(String path, byte[] content) throws IOException {
        Path file = file(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return this;
    }

    /**
     * Deletes a file from the work tree.
     *
     * @param path the repo-relative path
     * @return this repository
     * @throws IOException if the file cannot be deleted
     */
    public ScriptedRepo delete(String path) throws IOException {
        Files.delete(file(path));
        return this;
    }

    /**
     * Moves a file in the work tree (git sees a rename when the content stays similar).
     *
     * @param from the old repo-relative path
     * @param to the new repo-relative path
     * @return this repository
     * @throws IOException if the file cannot be moved
     */
    public ScriptedRepo rename(String from, String to) throws IOException {
        Path target = file(to);
        Files.createDirectories(target.getParent());
        Files.move(file(from), target);
        return this;
    }

    /**
     * Creates a branch at HEAD and checks it out.
     *
     * @param name the branch
     * @return this repository
     * @throws IOException if git fails
     */
    public ScriptedRepo branch(String name) throws IOException {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IOException("cannot create branch " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks out a branch.
     *
     * @param name the branch
     * @return this repository
     * @throws IOException if git fails
     */
    public ScriptedRepo checkout(String name) throws IOException {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IOException("cannot check out " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merges a branch into the current one without committing; the next {@link #commit} records the merge.
     *
     * @param name the branch to merge
     * @return this repository
     * @throws IOException if git fails or the merge conflicts
     */
    public ScriptedRepo merge(String name) throws IOException {
        try {
            ObjectId branch = git.getRepository().resolve(name);
            if (branch == null) {
                throw new IOException("cannot merge " + name + ": no such branch");
            }
            MergeResult result = git.merge().include(branch)
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            if (!result.getMergeStatus().isSuccessful()) {
                throw new IOException("merging " + name + " failed: " + result.getMergeStatus());
            }
            return this;
        } catch (GitAPIException e) {
            throw new IOException("cannot merge " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stages every change of the work tree and commits it with the given author, who is also the committer.
     *
     * @param author the author name
     * @param email the author e-mail
     * @param time the author and commit time (UTC)
     * @param message the message
     * @return the new commit's full SHA
     * @throws IOException if git fails
     */
    public String commit(String author, String email, Instant time, String message) throws IOException {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            PersonIdent ident = new PersonIdent(author, email, time, ZoneOffset.UTC);
            RevCommit commit = git.commit().setAuthor(ident).setCommitter(ident).setMessage(message)
                    .setSign(false).setAllowEmpty(true).call();
            return commit.name();
        } catch (GitAPIException e) {
            throw new IOException("cannot commit: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the work tree root.
     *
     * @return the absolute root
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the JGit handle (for tests that need more).
     *
     * @return the handle
     */
    public Git git() {
        return git;
    }

    private Path file(String path) {
        RepoPaths.requireValid(path);
        if (path.equals(".git") || path.startsWith(".git/")) {
            throw new IllegalArgumentException("a script may not write into .git: " + path);
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the repository: " + path);
        }
        for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new IllegalArgumentException("path goes through a link: " + path);
            }
        }
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a regular file: " + path);
        }
        return file;
    }

    /** Closes the JGit handle. */
    @Override
    public void close() {
        git.close();
    }
}
