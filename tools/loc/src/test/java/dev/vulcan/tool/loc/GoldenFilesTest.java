package dev.vulcan.tool.loc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.tool.loc.internal.LanguageCatalog;
import dev.vulcan.tool.loc.internal.LocAnalyzer;
import dev.vulcan.tool.loc.internal.RepoFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GoldenFilesTest {

    private static Path testdata(String name) throws URISyntaxException {
        return Path.of(GoldenFilesTest.class.getResource("testdata/" + name).toURI());
    }

    @Test
    void fixture_files_match_their_hand_counted_expectations() throws Exception {
        JsonNode expected = Json.read(testdata("golden.expected.json"));
        RepoFiles.Listing listing = RepoFiles.list(testdata("golden"));
        LocAnalyzer.Report report = new LocAnalyzer(LanguageCatalog.bundled(), 1 << 20, 2).analyze(listing, () -> { });
        ObjectNode data = LocTool.toJson(report);

        Map<String, JsonNode> actual = new HashMap<>();
        data.get("files").forEach(f -> actual.put(f.get("path").asString(), f));
        assertThat(actual).hasSize(expected.get("files").size());
        for (JsonNode e : expected.get("files")) {
            String path = e.get("path").asString();
            JsonNode a = actual.get(path);
            assertThat(a).as(path).isNotNull();
            for (String field : new String[] {"language", "lines", "code", "comments", "blanks", "complexity"}) {
                String what = path + " " + field + " (" + e.get("why").asString() + ")";
                if (e.get(field).isNumber()) {
                    assertThat(a.get(field).asLong()).as(what).isEqualTo(e.get(field).asLong());
                } else {
                    assertThat(a.get(field).asString()).as(what).isEqualTo(e.get(field).asString());
                }
            }
            assertThat(a.get("file_id").asString()).isEqualTo(CanonicalIds.fileId(path));
        }
        JsonNode summary = data.get("summary");
        assertThat(summary.get("binary_files").asInt()).isEqualTo(expected.get("binary_files").asInt());
        assertThat(summary.get("unsupported_files").asInt()).isEqualTo(expected.get("unsupported_files").asInt());
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void golden_output_validates_and_totals_add_up() throws Exception {
        RepoFiles.Listing listing = RepoFiles.list(testdata("golden"));
        ObjectNode data = LocTool.toJson(new LocAnalyzer(LanguageCatalog.bundled(), 1 << 20, 1).analyze(listing, () -> { }));

        SchemaValidator.shared().requireValid(VulcanSchemas.toolOutput("loc"), data, "golden");
        JsonNode summary = data.get("summary");
        long lines = 0;
        long code = 0;
        for (JsonNode f : data.get("files")) {
            assertThat(f.get("code").asLong() + f.get("comments").asLong() + f.get("blanks").asLong())
                    .isEqualTo(f.get("lines").asLong());
            lines += f.get("lines").asLong();
            code += f.get("code").asLong();
        }
        assertThat(summary.get("total_lines").asLong()).isEqualTo(lines);
        assertThat(summary.get("total_code").asLong()).isEqualTo(code);
        long perLanguageFiles = 0;
        for (JsonNode l : summary.get("languages")) {
            perLanguageFiles += l.get("files").asLong();
        }
        assertThat(perLanguageFiles).isEqualTo(summary.get("total_files").asLong()).isEqualTo(data.get("files").size());
    }
}
