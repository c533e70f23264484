package dev.vulcan.tool.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.eval.RepoMaterializer;
import dev.vulcan.core.json.Json;
import dev.vulcan.tool.layout.internal.CategoryRules;
import dev.vulcan.tool.layout.internal.LanguageCatalog;
import dev.vulcan.tool.layout.internal.LayoutScanner;
import dev.vulcan.tool.layout.internal.ScanLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Scans the evaluation repository {@code eval/repos/mixed}, committed into a git repository with JGit, and
 * compares the whole {@code data} object with {@code testdata/mixed-layout.golden.json}. After a deliberate
 * change of the output, regenerate the golden file with {@code -Dlayout.golden.update=true} and review its diff.
 */
class LayoutScannerGoldenTest {

    private static final Path FIXTURE = Path.of("eval", "repos", "mixed");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "dev", "vulcan", "tool", "layout",
            "testdata", "mixed-layout.golden.json");

    @TempDir
    Path tmp;

    @Test
    void the_layout_of_the_fixture_repository_matches_the_golden_file() throws Exception {
        Path repo = tmp.resolve("mixed");
        Files.createDirectories(repo);
        RepoMaterializer.copyAndCommit().materialize(FIXTURE, repo);

        LayoutScanner.Scan scan = new LayoutScanner(LanguageCatalog.defaults(), CategoryRules.defaults(),
                ScanLimits.defaults()).scan(repo, () -> { });

        if (Boolean.getBoolean("layout.golden.update")) {
            Files.write(GOLDEN, Json.toBytes(scan.data()));
        }
        JsonNode golden = Json.read(GOLDEN);
        JsonNode actual = Json.parse(Json.toBytes(scan.data()), "scan");
        assertThat(actual).isEqualTo(golden);
        assertThat(scan.errors()).extracting(e -> e.code() + " " + e.file())
                .containsExactly("INVALID_ENCODING latin1.txt");
    }
}
