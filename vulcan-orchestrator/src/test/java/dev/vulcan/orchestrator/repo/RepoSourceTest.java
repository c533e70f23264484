package dev.vulcan.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepoSourceTest {

    @Test
    void recognizes_every_url_form_and_keeps_the_rest_as_a_path() {
        assertThat(RepoSource.parse("file:///srv/git/app.git").kind()).isEqualTo(RepoSource.Kind.FILE_URL);
        assertThat(RepoSource.parse("https://github.com/acme/app.git").kind()).isEqualTo(RepoSource.Kind.HTTP_URL);
        assertThat(RepoSource.parse("http://git.local/app").kind()).isEqualTo(RepoSource.Kind.HTTP_URL);
        assertThat(RepoSource.parse("ssh://git@github.com/acme/app.git").kind()).isEqualTo(RepoSource.Kind.SSH_URL);
        assertThat(RepoSource.parse("git@github.com:acme/app.git").kind()).isEqualTo(RepoSource.Kind.SSH_URL);
        assertThat(RepoSource.parse("git://git.local/app.git").kind()).isEqualTo(RepoSource.Kind.GIT_URL);
        assertThat(RepoSource.parse("  ../some/dir ").kind()).isEqualTo(RepoSource.Kind.LOCAL_PATH);
        assertThat(RepoSource.parse("C:relative").kind()).isEqualTo(RepoSource.Kind.LOCAL_PATH);
    }

    @Test
    void names_the_repository_after_the_last_segment_without_dot_git() {
        assertThat(RepoSource.parse("https://github.com/acme/app.git").name()).isEqualTo("app");
        assertThat(RepoSource.parse("git@github.com:acme/tool.git").name()).isEqualTo("tool");
        assertThat(RepoSource.parse("/srv/repos/svc/").name()).isEqualTo("svc");
    }

    @Test
    void rejects_blank_input_and_urls_without_a_path() {
        assertThatThrownBy(() -> RepoSource.parse("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepoSource.parse("https://")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host or path");
    }

    @Test
    void kinds_round_trip_through_their_codes() {
        for (RepoSource.Kind kind : RepoSource.Kind.values()) {
            assertThat(RepoSource.Kind.fromCode(kind.code())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> RepoSource.Kind.fromCode("ftp")).isInstanceOf(IllegalArgumentException.class);
    }
}
