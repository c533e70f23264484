package dev.vulcan.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.paths.InvalidRepoPathException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalIdsTest {

    @Test
    void file_id_is_f_and_first_12_hex_of_sha256_of_the_path() {
        // expected values computed independently: printf 'src/main.py' | sha256sum
        assertThat(CanonicalIds.fileId("src/main.py")).isEqualTo("f-2e5ad92c43aa");
        assertThat(CanonicalIds.fileId("README.md")).isEqualTo("f-b33563055168");
    }

    @Test
    void directory_id_of_the_root_is_the_hash_of_the_empty_string() {
        assertThat(CanonicalIds.directoryId("")).isEqualTo("d-e3b0c44298fc");
        assertThat(CanonicalIds.directoryId("src")).matches("d-[0-9a-f]{12}").isNotEqualTo(CanonicalIds.directoryId("Src"));
    }

    @Test
    void ids_reject_non_canonical_paths() {
        assertThatThrownBy(() -> CanonicalIds.fileId("./src/main.py")).isInstanceOf(InvalidRepoPathException.class);
        assertThatThrownBy(() -> CanonicalIds.directoryId("src/")).isInstanceOf(InvalidRepoPathException.class);
    }

    @Test
    void repo_id_is_deterministic_and_ignores_git_suffix_and_trailing_slash() {
        UUID id = CanonicalIds.repoIdFromRemote("https://github.com/acme/widgets.git");

        assertThat(id.version()).isEqualTo(5);
        assertThat(CanonicalIds.repoIdFromRemote("https://github.com/acme/widgets")).isEqualTo(id);
        assertThat(CanonicalIds.repoIdFromRemote("https://github.com/acme/widgets/")).isEqualTo(id);
        assertThat(CanonicalIds.repoIdFromRemote("https://github.com/acme/gadgets")).isNotEqualTo(id);
    }

    @Test
    void repo_id_from_path_uses_the_normalized_absolute_path() {
        assertThat(CanonicalIds.repoIdFromPath(Path.of("/srv/repos/a/../b")))
                .isEqualTo(CanonicalIds.repoIdFromPath(Path.of("/srv/repos/b")))
                .isNotEqualTo(CanonicalIds.repoIdFromPath(Path.of("/srv/repos/c")));
    }

    @Test
    void uuid_v5_matches_the_rfc_4122_example() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(CanonicalIds.uuidV5(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void run_ids_are_fresh_v4_uuids() {
        assertThat(CanonicalIds.newRunId()).isNotEqualTo(CanonicalIds.newRunId());
        assertThat(CanonicalIds.newRunId().version()).isEqualTo(4);
    }
}
