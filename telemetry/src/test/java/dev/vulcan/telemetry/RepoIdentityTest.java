package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoIdentityTest {

    private static final FleetKey KEY = FleetKey.of(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"
            + "00112233445566778899aabbccddeeff"));

    private static Path repo(Path dir, String content) throws IOException, GitAPIException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("crew.py"), content, StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("a", "a@example.com").setCommitter("a", "a@example.com")
                    .setSign(false).call();
        }
        return dir;
    }

    @Test
    void clones_at_different_paths_share_the_repo_hash(@TempDir Path tmp) throws Exception {
        Path origin = repo(tmp.resolve("origin"), "x = 1\n");
        for (String name : new String[] {"one", "two/deeper"}) {
            try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString())
                    .setDirectory(tmp.resolve(name).toFile()).call()) {
                clone.getRepository();
            }
        }
        RepoHasher hasher = new RepoHasher(KEY);

        RepoIdentity one = RepoIdentity.ofDirectory(tmp.resolve("one"));
        RepoIdentity two = RepoIdentity.ofDirectory(tmp.resolve("two/deeper"));

        assertThat(one.kind()).isEqualTo(RepoIdentity.Kind.REMOTE);
        assertThat(one).isEqualTo(two);
        assertThat(hasher.repoHash(one)).isEqualTo(hasher.repoHash(two)).matches("^[0-9a-f]{16}$");
    }

    @Test
    void without_a_remote_the_root_commit_identifies_copies_of_a_repo(@TempDir Path tmp) throws Exception {
        Path a = repo(tmp.resolve("a"), "x = 1\n");
        Path copy = tmp.resolve("elsewhere/a-copy");
        try (Git clone = Git.cloneRepository().setURI(a.toUri().toString()).setDirectory(copy.toFile()).call()) {
            StoredConfig config = clone.getRepository().getConfig();
            config.unsetSection("remote", "origin");
            config.save();
        }

        RepoIdentity ia = RepoIdentity.ofDirectory(a);
        RepoIdentity ic = RepoIdentity.ofDirectory(copy);

        assertThat(ia.kind()).isEqualTo(RepoIdentity.Kind.ROOT_COMMIT);
        assertThat(ia).isEqualTo(ic);
    }

    @Test
    void different_repos_get_different_hashes(@TempDir Path tmp) throws Exception {
        RepoHasher hasher = new RepoHasher(KEY);
        String a = hasher.repoHash(RepoIdentity.ofDirectory(repo(tmp.resolve("a"), "x = 1\n")));
        String b = hasher.repoHash(RepoIdentity.ofDirectory(repo(tmp.resolve("b"), "y = 2\n")));

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void the_same_identity_hashes_differently_under_another_fleet_key() {
        RepoIdentity id = RepoIdentity.ofUrl("https://github.com/acme/agents");
        FleetKey other = FleetKey.of(new byte[32]);

        assertThat(new RepoHasher(KEY).repoHash(id)).isEqualTo(new RepoHasher(KEY).repoHash(id))
                .isNotEqualTo(new RepoHasher(other).repoHash(id));
    }

    @Test
    void url_spellings_of_one_repo_normalize_alike() {
        String expected = "github.com/Acme/agents";
        assertThat(RepoIdentity.normalizeUrl("https://github.com/Acme/agents.git")).isEqualTo(expected);
        assertThat(RepoIdentity.normalizeUrl("https://user:token@GitHub.com/Acme/agents/")).isEqualTo(expected);
        assertThat(RepoIdentity.normalizeUrl("git@github.com:Acme/agents.git")).isEqualTo(expected);
        assertThat(RepoIdentity.normalizeUrl("ssh://git@github.com:22/Acme/agents")).isEqualTo(expected);
    }

    @Test
    void tells_urls_from_paths() {
        assertThat(RepoIdentity.isUrl("https://github.com/a/b")).isTrue();
        assertThat(RepoIdentity.isUrl("git@github.com:a/b.git")).isTrue();
        assertThat(RepoIdentity.isUrl("/srv/repos/a")).isFalse();
        assertThat(RepoIdentity.isUrl("./repos/a")).isFalse();
        assertThat(RepoIdentity.isUrl("repos/a")).isFalse();
        assertThat(RepoIdentity.isUrl("C:\\repos\\a")).isFalse();
        assertThat(RepoIdentity.isUrl("file:///srv/git/a.git")).isTrue();
    }

    @Test
    void a_dot_git_file_pointing_elsewhere_is_followed_like_git_does(@TempDir Path tmp) throws Exception {
        Path a = repo(tmp.resolve("a"), "x = 1\n");
        RepoIdentity before = RepoIdentity.ofDirectory(a);
        Path moved = tmp.resolve("modules/a.git");
        Files.createDirectories(moved.getParent());
        Files.move(a.resolve(".git"), moved);
        Files.writeString(a.resolve(".git"), "gitdir: " + moved + "\n", StandardCharsets.UTF_8);

        assertThat(RepoIdentity.ofDirectory(a)).isEqualTo(before);
    }

    @Test
    void plain_directory_falls_back_to_its_path(@TempDir Path tmp) throws IOException {
        assertThat(RepoIdentity.ofDirectory(tmp).kind()).isEqualTo(RepoIdentity.Kind.PATH);
    }

    @Test
    void rejects_a_missing_directory(@TempDir Path tmp) {
        assertThatThrownBy(() -> RepoIdentity.ofDirectory(tmp.resolve("missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void fleet_key_file_is_created_once_and_read_back(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("keys/fleet.key");
        FleetKey created = FleetKey.readOrCreate(file);

        assertThat(FleetKey.readOrCreate(file)).isEqualTo(created);
        assertThat(created.toString()).doesNotContain(Files.readString(file).strip());
    }

    @Test
    void rejects_a_short_fleet_key(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("k"), "abcd\n");
        assertThatThrownBy(() -> FleetKey.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }
}
