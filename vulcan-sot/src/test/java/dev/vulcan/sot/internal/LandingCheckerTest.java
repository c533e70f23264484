package dev.vulcan.sot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LandingCheckerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void share_is_the_fraction_of_rows_without_violation_and_never_negative() {
        assertThat(LandingChecker.share(0, 0)).isEqualTo(1.0);
        assertThat(LandingChecker.share(0, 10)).isEqualTo(1.0);
        assertThat(LandingChecker.share(1, 4)).isEqualTo(0.75);
        assertThat(LandingChecker.share(9, 4)).isZero();
        assertThat(LandingChecker.share(3, 0)).isZero();
    }

    @Test
    void timeliness_falls_linearly_to_zero_at_the_horizon() {
        assertThat(LandingChecker.timeliness(NOW, NOW)).isEqualTo(1.0);
        assertThat(LandingChecker.timeliness(NOW.plusSeconds(60), NOW)).isEqualTo(1.0);
        assertThat(LandingChecker.timeliness(NOW.minus(LandingChecker.TIMELINESS_HORIZON.dividedBy(4)), NOW))
                .isEqualTo(0.75);
        assertThat(LandingChecker.timeliness(NOW.minus(Duration.ofDays(30)), NOW)).isZero();
        assertThat(LandingChecker.timeliness(null, NOW)).isZero();
    }
}
