package dev.vulcan.core.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RepoPathsTest {

    private static final Path ROOT = Path.of("/work/repo");

    @ParameterizedTest(name = "''{0}'' breaks {1}")
    @CsvSource({
        "'', EMPTY",
        "/etc/passwd, ABSOLUTE",
        "C:/src/Main.java, DRIVE_LETTER",
        "c:src, DRIVE_LETTER",
        "src\\Main.java, BACKSLASH",
        "./src/Main.java, DOT_SEGMENT",
        "src/./Main.java, DOT_SEGMENT",
        "../outside.txt, DOT_DOT_SEGMENT",
        "src/../Main.java, DOT_DOT_SEGMENT",
        "src/, TRAILING_SLASH",
        "src//Main.java, EMPTY_SEGMENT",
    })
    void rejects_forbidden_path_forms(String path, PathRule rule) {
        assertThat(RepoPaths.violation(path)).contains(rule);
        assertThatThrownBy(() -> RepoPaths.requireValid(path))
                .isInstanceOf(InvalidRepoPathException.class)
                .hasMessageContaining(rule.description())
                .satisfies(e -> assertThat(((InvalidRepoPathException) e).rule()).isEqualTo(rule));
    }

    @Test
    void rejects_control_characters() {
        assertThat(RepoPaths.violation("src/a\u0000b")).contains(PathRule.CONTROL_CHARACTER);
    }

    @Test
    void accepts_relative_paths_and_preserves_case() {
        assertThat(RepoPaths.requireValid("src/Main.java")).isEqualTo("src/Main.java");
        assertThat(RepoPaths.isValid("README")).isTrue();
        assertThat(RepoPaths.isValid(".github/workflows/ci.yml")).isTrue();
        assertThat(RepoPaths.isValid("a..b/c")).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "src/Main.java, src/Main.java",
        "./src/Main.java, src/Main.java",
        "src\\util\\Strings.java, src/util/Strings.java",
        "src//a/../B.java, src/B.java",
        "/work/repo/src/Main.java, src/Main.java",
        "/work/repo//Docs/READ.me, Docs/READ.me",
    })
    void normalizes_raw_paths(String raw, String expected) {
        assertThat(RepoPaths.normalize(raw, ROOT)).isEqualTo(expected);
    }

    @Test
    void normalize_rejects_paths_outside_the_root() {
        assertThatThrownBy(() -> RepoPaths.normalize("/work/other/x.java", ROOT))
                .isInstanceOf(InvalidRepoPathException.class).hasMessageContaining("outside the repository root");
        assertThatThrownBy(() -> RepoPaths.normalize("/work/repository/x.java", ROOT))
                .isInstanceOf(InvalidRepoPathException.class);
        assertThatThrownBy(() -> RepoPaths.normalize("src/../../x.java", ROOT))
                .isInstanceOf(InvalidRepoPathException.class).hasMessageContaining("escapes");
    }

    @Test
    void normalize_rejects_the_root_itself_and_blank_paths() {
        assertThatThrownBy(() -> RepoPaths.normalize("/work/repo", ROOT)).isInstanceOf(InvalidRepoPathException.class);
        assertThatThrownBy(() -> RepoPaths.normalize("./", ROOT)).isInstanceOf(InvalidRepoPathException.class);
        assertThatThrownBy(() -> RepoPaths.normalize("  ", ROOT)).isInstanceOf(InvalidRepoPathException.class);
    }

    @Test
    void splits_parent_and_file_name() {
        assertThat(RepoPaths.parent("src/main/App.java")).isEqualTo("src/main");
        assertThat(RepoPaths.parent("README.md")).isEmpty();
        assertThat(RepoPaths.fileName("src/main/App.java")).isEqualTo("App.java");
    }

    @Test
    void relativizes_files_under_the_root_only() {
        assertThat(RepoPaths.relativize(ROOT, ROOT.resolve("a/b.txt"))).isEqualTo("a/b.txt");
        assertThatThrownBy(() -> RepoPaths.relativize(ROOT, Path.of("/tmp/x"))).isInstanceOf(InvalidRepoPathException.class);
    }
}
