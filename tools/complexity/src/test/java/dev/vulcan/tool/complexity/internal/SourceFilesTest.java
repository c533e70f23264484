package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File discovery: tracked files of a git work tree, else a walk; never symlinks, never .git. */
class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void lists_tracked_regular_files_only_in_a_git_work_tree() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.py"), "x = 1\n");
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("src"));
            Files.writeString(repo.resolve("src/a.py"), "def a():\n    pass\n");
            Files.createSymbolicLink(repo.resolve("link.py"), outside);
            Files.createSymbolicLink(repo.resolve("linkdir"), dir);
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Ada", "ada@example.com");
            git.commit().setMessage("init").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        Files.writeString(repo.resolve("untracked.py"), "y = 2\n");

        assertThat(SourceFiles.list(repo)).containsExactly("src/a.py");
    }

    @Test
    void walks_a_plain_directory_without_following_symlinks_or_entering_git() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("o.py"), "o = 1\n");
        Path root = Files.createDirectories(dir.resolve("plain"));
        Files.createDirectories(root.resolve("pkg/.git"));
        Files.writeString(root.resolve("pkg/.git/config.py"), "c = 1\n");
        Files.writeString(root.resolve("pkg/m.go"), "package pkg\n");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("o.py"), outside.resolve("o.py"));

        assertThat(SourceFiles.list(root)).containsExactly("pkg/m.go");
    }
}
