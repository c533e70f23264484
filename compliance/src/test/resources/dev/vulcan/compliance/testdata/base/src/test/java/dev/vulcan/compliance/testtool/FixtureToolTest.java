package dev.vulcan.compliance.testtool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixtureToolTest {

    @Test
    void names_itself_from_its_properties() {
        assertThat(new FixtureTool().descriptor().name()).isNotBlank();
    }
}
