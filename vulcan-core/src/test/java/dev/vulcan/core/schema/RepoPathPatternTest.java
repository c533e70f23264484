package dev.vulcan.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared schema's {@code repo_path} pattern accepts exactly the paths {@link RepoPaths} accepts (for paths
 * without control characters other than NUL, which only the Java rule also refuses). Validators apply a JSON Schema
 * pattern as an unanchored search, as {@link java.util.regex.Matcher#find()} does.
 */
class RepoPathPatternTest {

    private static final Pattern REPO_PATH = repoPathPattern();

    private static Pattern repoPathPattern() {
        try (InputStream in = RepoPathPatternTest.class.getResourceAsStream("/dev/vulcan/schemas/common/v1.json")) {
            return Pattern.compile(Json.parse(in.readAllBytes(), "common/v1.json")
                    .get("$defs").get("repo_path").get("pattern").asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"README", "src/Main.java", ".github/workflows/ci.yml", "a..b/c", "...", "a/.../b", ".a/b.",
            "a/.b", "a/b.", "x/y/z/w.txt", "é/ü ß/名前.md", " ", "a b/ c", "ab:c", "1:x", "a/C:/b"})
    void accepts_what_the_path_rules_accept(String path) {
        assertThat(RepoPaths.isValid(path)).isTrue();
        assertThat(REPO_PATH.matcher(path).find()).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "/", "/etc/passwd", "C:/src/Main.java", "c:src", "z:", "src\\Main.java", "\\a",
            ".", "..", "./src/Main.java", "src/./Main.java", "src/.", "../outside.txt", "src/../Main.java", "src/..",
            "src/", "src//Main.java", "//a", "a/b/", "a:b/c", "src/a\u0000b"})
    void refuses_what_the_path_rules_refuse(String path) {
        assertThat(RepoPaths.isValid(path)).isFalse();
        assertThat(REPO_PATH.matcher(path).find()).isFalse();
    }
}
