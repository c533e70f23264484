package dev.vulcan.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.git.GitRevisions;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.orchestrator.TestRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoResolverTest {

    @TempDir
    Path tmp;

    private RepoResolver resolver() {
        return new RepoResolver(tmp.resolve("workspace"));
    }

    @Test
    void analyzes_a_local_work_tree_in_place_at_its_head() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "main", Map.of("a.txt", "a"))) {
            RevCommit head = TestRepos.commit(git, Map.of("src/b.py", "print(1)"), "second");
            RepoInfo info = resolver().resolve(RepoSource.parse(repoDir.toString()), null, null);
            assertThat(info.checkout()).isEqualTo(Checkout.IN_PLACE);
            assertThat(info.repoPath()).isEqualTo(repoDir.toAbsolutePath().normalize());
            assertThat(info.branch()).isEqualTo("main");
            assertThat(info.commit()).isEqualTo(head.name()).hasSize(40);
            assertThat(info.remoteUrl()).isNull();
            assertThat(info.repoId()).isEqualTo(CanonicalIds.repoIdFromPath(repoDir));
            assertThat(info.name()).isEqualTo("app");
        }
    }

    @Test
    void clones_a_file_url_and_takes_the_remote_default_branch() throws Exception {
        Path origin = tmp.resolve("origin");
        String tip;
        try (Git git = TestRepos.init(origin, "trunk", Map.of("a.txt", "a"))) {
            tip = TestRepos.commit(git, Map.of("b.txt", "b"), "second").name();
        }
        String url = origin.toUri().toString();
        RepoInfo info = resolver().resolve(RepoSource.parse(url), null, null);
        assertThat(info.checkout()).isEqualTo(Checkout.CLONED);
        assertThat(info.repoPath()).isEqualTo(tmp.resolve("workspace").resolve(RepoResolver.CHECKOUT_DIR));
        assertThat(info.branch()).isEqualTo("trunk");
        assertThat(info.commit()).isEqualTo(tip);
        assertThat(info.remoteUrl()).isEqualTo(url);
        assertThat(info.repoId()).isEqualTo(CanonicalIds.repoIdFromRemote(url));
        assertThat(info.repoPath().resolve("b.txt")).hasContent("b");
    }

    @Test
    void clones_a_bare_repository_given_as_a_path() throws Exception {
        Path work = tmp.resolve("work");
        String tip;
        try (Git git = TestRepos.init(work, "main", Map.of("README.md", "# hi"))) {
            tip = git.getRepository().resolve(Constants.HEAD).name();
        }
        Path bare = tmp.resolve("mirror.git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();

        RepoInfo info = resolver().resolve(RepoSource.parse(bare.toString()), null, null);
        assertThat(info.checkout()).isEqualTo(Checkout.CLONED);
        assertThat(info.commit()).isEqualTo(tip);
        assertThat(info.branch()).isEqualTo("main");
        assertThat(info.name()).isEqualTo("mirror");
        assertThat(info.remoteUrl()).isEqualTo(work.toUri().toString());
        assertThat(info.repoPath().resolve("README.md")).hasContent("# hi");
    }

    @Test
    void follows_origin_head_before_the_conventional_branch_names() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "main", Map.of("a.txt", "a"))) {
            String first = git.getRepository().resolve(Constants.HEAD).name();
            git.branchCreate().setName("release").call();
            RefUpdate remote = git.getRepository().updateRef("refs/remotes/origin/release");
            remote.setNewObjectId(git.getRepository().resolve(first));
            remote.update();
            git.getRepository().updateRef("refs/remotes/origin/HEAD").link("refs/remotes/origin/release");
            TestRepos.commit(git, Map.of("b.txt", "b"), "main moves on");

            RepoInfo info = resolver().resolve(RepoSource.parse(repoDir.toString()), null, null);
            assertThat(info.branch()).isEqualTo("release");
            assertThat(info.commit()).isEqualTo(first);
            assertThat(info.checkout()).isEqualTo(Checkout.CLONED);
            assertThat(info.repoPath().resolve("b.txt")).doesNotExist();
        }
    }

    @Test
    void prefers_develop_when_neither_main_nor_master_exists_and_head_branch_last() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "feature", Map.of("a.txt", "a"))) {
            assertThat(resolver().resolve(RepoSource.parse(repoDir.toString()), null, null).branch())
                    .isEqualTo("feature");
            git.branchCreate().setName("develop").call();
            assertThat(new RepoResolver(tmp.resolve("ws2")).resolve(RepoSource.parse(repoDir.toString()), null, null)
                    .branch()).isEqualTo("develop");
        }
    }

    @Test
    void a_detached_head_without_conventional_branches_is_analyzed_in_place() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "trunk", Map.of("a.txt", "a"))) {
            RevCommit first = git.log().call().iterator().next();
            TestRepos.commit(git, Map.of("b.txt", "b"), "second");
            git.checkout().setName(first.name()).call();

            RepoInfo info = resolver().resolve(RepoSource.parse(repoDir.toString()), null, null);
            assertThat(info.branch()).isEqualTo(GitRevisions.DETACHED);
            assertThat(info.commit()).isEqualTo(first.name());
            assertThat(info.checkout()).isEqualTo(Checkout.IN_PLACE);
        }
    }

    @Test
    void an_older_commit_is_checked_out_in_a_clone_and_the_work_tree_is_untouched() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "main", Map.of("a.txt", "v1"))) {
            RevCommit first = git.log().call().iterator().next();
            TestRepos.commit(git, Map.of("a.txt", "v2"), "second");

            RepoInfo info = resolver().resolve(RepoSource.parse(repoDir.toString()), null, first.name().substring(0, 10));
            assertThat(info.commit()).isEqualTo(first.name());
            assertThat(info.checkout()).isEqualTo(Checkout.CLONED);
            assertThat(info.repoPath().resolve("a.txt")).hasContent("v1");
            assertThat(repoDir.resolve("a.txt")).hasContent("v2");
            assertThat(info.repoId()).isEqualTo(CanonicalIds.repoIdFromPath(repoDir));
        }
    }

    @Test
    void a_plain_directory_gets_a_deterministic_content_hash_commit() throws Exception {
        Path dir = tmp.resolve("plain");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.py"), "x = 1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README"), "hello", StandardCharsets.UTF_8);

        RepoInfo first = resolver().resolve(RepoSource.parse(dir.toString()), null, null);
        RepoInfo again = resolver().resolve(RepoSource.parse(dir.toString()), null, null);
        assertThat(first.checkout()).isEqualTo(Checkout.PLAIN_DIRECTORY);
        assertThat(first.commit()).matches("[0-9a-f]{40}").isEqualTo(again.commit());
        assertThat(first.branch()).isEqualTo(GitRevisions.DETACHED);

        Files.writeString(dir.resolve("src/a.py"), "x = 2\n", StandardCharsets.UTF_8);
        assertThat(resolver().resolve(RepoSource.parse(dir.toString()), null, null).commit()).isNotEqualTo(first.commit());
        assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(dir.toString()), null, "HEAD"))
                .isInstanceOf(RepoResolutionException.class).hasMessageContaining("not a git repository");
    }

    @Test
    void unknown_branches_and_missing_paths_are_clear_errors() throws Exception {
        Path repoDir = tmp.resolve("app");
        try (Git git = TestRepos.init(repoDir, "main", Map.of("a.txt", "a"))) {
            assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(repoDir.toString()), "nope", null))
                    .isInstanceOf(RepoResolutionException.class).hasMessageContaining("'nope'");
        }
        assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(tmp.resolve("missing").toString()), null, null))
                .isInstanceOf(RepoResolutionException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(tmp.resolve("missing").toUri().toString()), null, null))
                .isInstanceOf(RepoResolutionException.class).hasMessageContaining("cannot clone");
    }
}
