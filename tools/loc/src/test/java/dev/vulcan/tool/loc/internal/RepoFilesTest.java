package dev.vulcan.tool.loc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.ToolError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoFilesTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commitAll() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).setAuthor(new PersonIdent("T", "t@example.com"))
                    .setCommitter(new PersonIdent("T", "t@example.com")).call();
        }
    }

    @Test
    void lists_tracked_files_sorted_and_reports_a_tracked_file_missing_from_the_work_tree() throws Exception {
        write("b/two.c", "int b;\n");
        write("a.c", "int a;\n");
        write("gone.c", "int g;\n");
        commitAll();
        Files.delete(repo.resolve("gone.c"));
        write("untracked.c", "int u;\n");

        RepoFiles.Listing listing = RepoFiles.list(repo);

        assertThat(listing.fromGitIndex()).isTrue();
        assertThat(listing.files()).extracting(RepoFiles.Candidate::path).containsExactly("a.c", "b/two.c");
        assertThat(listing.errors()).extracting(ToolError::code, ToolError::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FILE_MISSING", "gone.c"));
    }

    @Test
    void skips_a_tracked_path_whose_directory_was_replaced_by_a_symlink() throws Exception {
        write("dir/file.c", "int a;\n");
        write("keep.c", "int k;\n");
        commitAll();
        Path outside = Files.createTempDirectory("loc-outside");
        Files.writeString(outside.resolve("file.c"), "int secret;\n");
        Files.delete(repo.resolve("dir/file.c"));
        Files.delete(repo.resolve("dir"));
        Files.createSymbolicLink(repo.resolve("dir"), outside);

        assertThat(RepoFiles.list(repo).files()).extracting(RepoFiles.Candidate::path).containsExactly("keep.c");
    }

    @Test
    void walks_a_plain_directory_skipping_version_control_folders() throws Exception {
        write("src/x.py", "x = 1\n");
        write(".svn/entries.c", "int s;\n");
        write("nested/.git/config.c", "int g;\n");

        RepoFiles.Listing listing = RepoFiles.list(repo);

        assertThat(listing.fromGitIndex()).isFalse();
        assertThat(listing.files()).extracting(RepoFiles.Candidate::path).containsExactly("src/x.py");
    }

    @Test
    void rejects_a_root_that_is_not_a_directory() throws Exception {
        write("file.c", "int a;\n");
        assertThatThrownBy(() -> RepoFiles.list(repo.resolve("file.c"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellation_stops_the_analysis() throws Exception {
        for (int i = 0; i < 300; i++) {
            write("f" + i + ".c", "int a;\n");
        }
        LocAnalyzer analyzer = new LocAnalyzer(LanguageCatalog.bundled(), 1 << 20, 2);
        assertThatThrownBy(() -> analyzer.analyze(repo, () -> {
            throw new CancellationException("deadline");
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void counts_the_same_whether_listed_first_or_streamed() throws Exception {
        for (int i = 0; i < 50; i++) {
            write("d" + (i % 7) + "/f" + i + ".java", "/** d */\nclass F" + i + " { }\n\n");
        }
        LocAnalyzer analyzer = new LocAnalyzer(LanguageCatalog.bundled(), 1 << 20, 3);
        LocAnalyzer.Report streamed = analyzer.analyze(repo, () -> { });
        LocAnalyzer.Report listed = analyzer.analyze(RepoFiles.list(repo), () -> { });
        assertThat(streamed.files()).isEqualTo(listed.files()).hasSize(50);
        assertThat(streamed.files()).allSatisfy(f -> assertThat(f.counts()).isEqualTo(new FileCounts(3, 1, 1, 1, 0)));
    }
}
