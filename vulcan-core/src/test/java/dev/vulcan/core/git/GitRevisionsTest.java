package dev.vulcan.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionsTest {

    @TempDir
    Path dir;

    private static RevCommit commit(Git git, Path repo, String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        git.add().addFilepattern(file).call();
        PersonIdent who = new PersonIdent("Ada", "ada@example.com");
        return git.commit().setMessage("change " + file).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void resolves_head_of_a_repo_without_remote_to_the_full_sha() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("trunk").call()) {
            RevCommit c = commit(git, repo, "a.txt", "a");

            ResolvedRevision r = GitRevisions.resolve(repo, null, "HEAD");

            assertThat(r.commit()).isEqualTo(c.name()).hasSize(40);
            assertThat(r.branch()).isEqualTo("trunk");
            assertThat(r.remoteUrl()).isNull();
        }
    }

    @Test
    void resolves_a_branch_an_abbreviated_sha_and_a_detached_head() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            RevCommit first = commit(git, repo, "a.txt", "a");
            git.branchCreate().setName("feature").call();
            RevCommit second = commit(git, repo, "a.txt", "b");

            assertThat(GitRevisions.resolve(repo, "feature", null).commit()).isEqualTo(first.name());
            assertThat(GitRevisions.resolve(repo, null, first.name().substring(0, 8)).commit()).isEqualTo(first.name());

            git.checkout().setName(first.name()).call();
            ResolvedRevision detached = GitRevisions.resolve(repo, null, null);
            assertThat(detached.branch()).isEqualTo(GitRevisions.DETACHED);
            assertThat(detached.commit()).isEqualTo(first.name());
            assertThat(GitRevisions.resolve(repo, "main", "HEAD").commit()).isEqualTo(second.name());
        }
    }

    @Test
    void reports_the_origin_remote_url() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            commit(git, repo, "a.txt", "a");
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/w.git");
            git.getRepository().getConfig().save();

            assertThat(GitRevisions.resolve(repo, null, null).remoteUrl()).isEqualTo("https://example.com/acme/w.git");
        }
    }

    @Test
    void rejects_a_directory_that_is_not_a_repository() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        assertThatThrownBy(() -> GitRevisions.resolve(plain, null, "HEAD"))
                .isInstanceOf(GitResolutionException.class).hasMessageContaining("not a git repository");
    }

    @Test
    void accepts_a_plain_directory_only_with_a_full_sha() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        String sha = "0123456789abcdef0123456789abcdef01234567";

        assertThat(GitRevisions.resolveOrAccept(plain, null, sha).commit()).isEqualTo(sha);
        assertThatThrownBy(() -> GitRevisions.resolveOrAccept(plain, null, "HEAD"))
                .isInstanceOf(GitResolutionException.class);
    }

    @Test
    void rejects_unknown_refs_and_empty_repositories() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            assertThatThrownBy(() -> GitRevisions.resolve(repo, null, "HEAD"))
                    .isInstanceOf(GitResolutionException.class).hasMessageContaining("no commits");
            commit(git, repo, "a.txt", "a");
            assertThatThrownBy(() -> GitRevisions.resolve(repo, null, "v9.9"))
                    .isInstanceOf(GitResolutionException.class).hasMessageContaining("'v9.9'");
            assertThatThrownBy(() -> GitRevisions.resolve(repo, "nope", null))
                    .isInstanceOf(GitResolutionException.class).hasMessageContaining("branch 'nope' does not exist");
        }
    }

    @Test
    void resolves_a_bare_repository() throws Exception {
        Path repo = dir.resolve("repo");
        RevCommit c;
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            c = commit(git, repo, "a.txt", "a");
        }
        Path bare = dir.resolve("bare.git");
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();

        assertThat(GitRevisions.resolve(bare, null, null).commit()).isEqualTo(c.name());
    }
}
