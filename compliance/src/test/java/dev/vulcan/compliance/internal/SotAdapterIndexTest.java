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
    void falls_back_to_the_contract_convention_when_the_engine_is_not_built(@TempDir Path root) throws Exception {
        Path contract = root.resolve(SotAdapterIndex.CONTRACTS).resolve("loc/v1/data.schema.json");
        java.nio.file.Files.createDirectories(contract.getParent());
        java.nio.file.Files.writeString(contract, "{}");

        try (SotAdapterIndex index = SotAdapterIndex.fromBuild(root, "0.1.0-SNAPSHOT")) {
            SotAdapterIndex.Lookup loc = index.find("loc", "1.2.0");
            SotAdapterIndex.Lookup complexity = index.find("complexity", "1.0.0");

            assertThat(loc.adapterName()).isEqualTo("loc/v1");
            assertThat(loc.detail()).startsWith("by the engine's convention (vulcan-sot is not built");
            assertThat(complexity.available()).isTrue();
            assertThat(complexity.found()).isFalse();
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
