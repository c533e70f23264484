package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.sot.layout.DirectoryInfo;
import dev.vulcan.sot.layout.DirectoryNode;
import dev.vulcan.sot.layout.FileInfo;
import dev.vulcan.sot.layout.LayoutApi;
import dev.vulcan.sot.layout.LayoutNotFoundException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutApiTest {

    @TempDir
    Path tmp;

    private TestRun run;

    @BeforeEach
    void writeRun() throws Exception {
        run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
    }

    @Test
    void answers_every_method_of_the_layout_api() {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            LayoutApi layout = sot.layout(run.runId);

            String mainId = CanonicalIds.fileId("src/main.py");
            assertThat(layout.fileId("src/main.py")).isEqualTo(mainId);
            FileInfo main = layout.fileById(mainId);
            assertThat(main).isEqualTo(new FileInfo(mainId, "src/main.py", CanonicalIds.directoryId("src"), "main.py",
                    ".py", "Python", "source", 1000L, 100L, false, "sha256:" + "src/main.py".hashCode()));
            assertThat(layout.resolvePath(mainId)).isEqualTo("src/main.py");
            assertThat(layout.filesByLanguage("Python")).extracting(FileInfo::relativePath)
                    .containsExactly("src/main.py", "src/util/helpers.py");
            assertThat(layout.filesByCategory("docs")).extracting(FileInfo::relativePath)
                    .containsExactly("README.md", "docs/guide.md");
            assertThat(layout.filesInDirectory(CanonicalIds.directoryId("src/util"))).extracting(FileInfo::filename)
                    .containsExactly("data.bin", "helpers.py");

            DirectoryInfo root = layout.rootDirectory();
            assertThat(root).isEqualTo(new DirectoryInfo(CanonicalIds.directoryId(""), "", null, 0, 1L, 100L));
            assertThat(layout.directoryId("src/util")).isEqualTo(CanonicalIds.directoryId("src/util"));
            assertThat(layout.directoryById(CanonicalIds.directoryId("src")).parentId()).isEqualTo(root.directoryId());
            assertThat(layout.childDirectories(root.directoryId())).extracting(DirectoryInfo::relativePath)
                    .containsExactly("docs", "src");

            DirectoryNode tree = layout.directoryTree();
            assertThat(tree.info()).isEqualTo(root);
            assertThat(tree.files()).extracting(FileInfo::relativePath).containsExactly("README.md");
            assertThat(tree.children()).extracting(c -> c.info().relativePath()).containsExactly("docs", "src");
            DirectoryNode src = tree.children().get(1);
            assertThat(src.children()).singleElement().satisfies(util -> {
                assertThat(util.info().relativePath()).isEqualTo("src/util");
                assertThat(util.files()).hasSize(2);
                assertThat(util.children()).isEmpty();
            });
            assertThat(layout.directoryTree(CanonicalIds.directoryId("src"))).isEqualTo(src);
        }
    }

    @Test
    void unknown_paths_ids_and_runs_raise_a_clear_not_found() {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            LayoutApi layout = sot.layout(run.runId);

            assertThatThrownBy(() -> layout.fileId("src/missing.py")).isInstanceOf(LayoutNotFoundException.class)
                    .hasMessageContaining("no file with path 'src/missing.py'").hasMessageContaining(run.runId.toString());
            assertThatThrownBy(() -> layout.fileById("f-000000000000")).isInstanceOf(LayoutNotFoundException.class)
                    .hasMessageContaining("no file with id 'f-000000000000'");
            assertThatThrownBy(() -> layout.directoryId("nowhere")).isInstanceOf(LayoutNotFoundException.class)
                    .hasMessageContaining("no directory with path 'nowhere'");
            assertThatThrownBy(() -> layout.childDirectories("d-000000000000")).isInstanceOf(LayoutNotFoundException.class)
                    .hasMessageContaining("no directory with id 'd-000000000000'");
            UUID other = UUID.randomUUID();
            assertThatThrownBy(() -> sot.layout(other)).isInstanceOf(LayoutNotFoundException.class)
                    .hasMessageContaining("run " + other + " has no landed layout");
        }
    }
}
