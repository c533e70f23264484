package dev.vulcan.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void partial_results_are_a_success() {
        assertThat(ExitCode.PARTIAL_RESULTS.isSuccess()).isTrue();
        assertThat(ExitCode.PARTIAL_RESULTS.status()).isZero();
        assertThat(ExitCode.INVALID_INPUT.isSuccess()).isFalse();
    }

    @Test
    void codes_round_trip_and_unknown_codes_are_rejected() {
        for (ExitCode c : ExitCode.values()) {
            assertThat(ExitCode.fromCode(c.code())).isEqualTo(c);
        }
        assertThat(ExitCode.INVALID_INPUT.status()).isEqualTo(2);
        assertThatThrownBy(() -> ExitCode.fromCode("ok")).isInstanceOf(IllegalArgumentException.class);
    }
}
