package dev.vulcan.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputChecksTest {

    private static final Set<String> LOCATIONS = Set.of("/srv/ci/run-42/repo");

    @Test
    void finds_a_location_of_the_run_anywhere_in_a_string() {
        assertThat(OutputChecks.absolutePathIn("cannot read /srv/ci/run-42/repo/src/a.py: denied", LOCATIONS))
                .hasValue("the absolute location 'cannot read /srv/ci/run-42/repo/src/a.py: denied'");
    }

    @Test
    void finds_file_system_roots_drive_letters_unc_and_file_urls() {
        assertThat(OutputChecks.absolutePathIn("/home/dev/project/x.py", Set.of()))
                .hasValue("the absolute path '/home/dev/project/x.py'");
        assertThat(OutputChecks.absolutePathIn("see '/tmp/build/out.json'", Set.of()))
                .hasValue("the absolute path '/tmp/build/out.json'");
        assertThat(OutputChecks.absolutePathIn("C:\\Users\\dev\\x.py", Set.of())).isPresent();
        assertThat(OutputChecks.absolutePathIn("D:/work/x.py", Set.of())).isPresent();
        assertThat(OutputChecks.absolutePathIn("\\\\server\\share\\x.py", Set.of())).isPresent();
        assertThat(OutputChecks.absolutePathIn("file:/opt/x.jar", Set.of())).isPresent();
    }

    @Test
    void accepts_repo_relative_paths_url_routes_and_prose() {
        assertThat(OutputChecks.absolutePathIn("src/main/java/App.java", LOCATIONS)).isEmpty();
        assertThat(OutputChecks.absolutePathIn("/api/users", LOCATIONS)).isEmpty();
        assertThat(OutputChecks.absolutePathIn("https://example.com/home/x", LOCATIONS)).isEmpty();
        assertThat(OutputChecks.absolutePathIn("ratio 3/4 of files", LOCATIONS)).isEmpty();
    }

    @Test
    void treats_path_named_fields_and_path_arrays_as_path_fields() {
        assertThat(OutputChecks.isPathField("path", "/files/0/path")).isTrue();
        assertThat(OutputChecks.isPathField("coupled_path", "/pairs/3/coupled_path")).isTrue();
        assertThat(OutputChecks.isPathField("previous_paths", "/files/1/previous_paths/0")).isTrue();
        assertThat(OutputChecks.isPathField("name", "/files/0/name")).isFalse();
        assertThat(OutputChecks.isPathField("path", "/paths_by_kind/path/0")).isFalse();
    }
}
