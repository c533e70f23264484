package dev.vulcan.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SoT adapter lookup against the engine built in this reactor (vulcan-sot is a test dependency, so
 * {@code ../vulcan-sot/target/classes} exists): a contract test that fails when the engine moves or renames its
 * registry, instead of letting {@code structure.sot_adapter} skip silently.
 */
class SotAdapterIndexTest {

    private static final Path PROJECT_ROOT = Path.of("..");

    @Test
    void finds_the_engine_adapter_of_layout_scanner_v1() {
        try (SotAdapterIndex index = SotAdapterIndex.fromBuild(PROJECT_ROOT, "0.1.0-SNAPSHOT")) {
            SotAdapterIndex.Lookup lookup = index.find("layout-scanner", "1.4.2");

            assertThat(lookup.available()).as(lookup.detail()).isTrue();
            assertThat(lookup.adapterName()).isEqualTo("layout-scanner/v1");
        }
    }

    @Test
    void answers_no_adapter_for_an_unknown_tool_or_major_version() {
        try (SotAdapterIndex index = SotAdapterIndex.fromBuild(PROJECT_ROOT, "0.1.0-SNAPSHOT")) {
            assertThat(index.find("no-such-tool", "1.0.0").found()).isFalse();
            SotAdapterIndex.Lookup v9 = index.find("layout-scanner", "9.0.0");
            assertThat(v9.available()).isTrue();
            assertThat(v9.found()).isFalse();
            assertThat(v9.detail()).contains("registered: ").contains("layout-scanner/v1");
        }
    }

    @Test
    void is_unavailable_with_the_reason_when_the_engine_is_not_built(@TempDir Path root) {
        try (SotAdapterIndex index = SotAdapterIndex.fromBuild(root, "0.1.0-SNAPSHOT")) {
            SotAdapterIndex.Lookup lookup = index.find("loc", "1.0.0");

            assertThat(lookup.available()).isFalse();
            assertThat(lookup.detail()).startsWith("vulcan-sot is not built");
        }
    }
}
