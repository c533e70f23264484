package dev.vulcan.core.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CRITICAL, CRITICAL", "blocker, CRITICAL", "HIGH, HIGH", "Major, HIGH", "MEDIUM, MEDIUM",
        "moderate, MEDIUM", "MINOR, LOW", "low, LOW", "INFO, INFO", "hint, INFO",
        "error, HIGH", "warning, MEDIUM", "note, LOW", "none, INFO",
        "1, CRITICAL", "2, HIGH", "3, MEDIUM", "4, LOW", "5, INFO", "' high ', HIGH"
    })
    void maps_tool_vocabularies(String raw, Severity expected) {
        assertThat(SeverityMapper.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "severe-ish", "0", "6", "42", "p1", "CRITICALLY"})
    void unknown_input_maps_to_unknown_never_to_a_real_level(String raw) {
        assertThat(SeverityMapper.normalize(raw)).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void null_maps_to_unknown() {
        assertThat(SeverityMapper.normalize(null)).isEqualTo(Severity.UNKNOWN);
        assertThat(SeverityMapper.fromPriority(-1)).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void codes_are_stable_and_round_trip() {
        for (Severity s : Severity.values()) {
            assertThat(Severity.fromCode(s.code())).isEqualTo(s);
        }
        assertThat(Severity.HIGH.code()).isEqualTo("high");
        assertThat(Severity.CRITICAL.rank()).isGreaterThan(Severity.HIGH.rank());
        assertThat(Severity.UNKNOWN.rank()).isZero();
    }

    @Test
    void from_code_rejects_unknown_codes() {
        assertThatThrownBy(() -> Severity.fromCode("HIGH")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown severity code");
    }
}
