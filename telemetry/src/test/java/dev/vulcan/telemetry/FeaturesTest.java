package dev.vulcan.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void finding_density_uses_the_population_standard_deviation() {
        FindingDensity d = FindingDensity.of(List.of(0, 2, 4, 6));

        assertThat(d.max()).isEqualTo(6);
        assertThat(d.min()).isZero();
        assertThat(d.mean()).isCloseTo(3.0, within(1e-12));
        assertThat(d.median()).isCloseTo(3.0, within(1e-12));
        assertThat(d.stddev()).isCloseTo(Math.sqrt(5.0), within(1e-12));
    }

    @Test
    void finding_density_median_of_an_odd_count_is_the_middle_value() {
        assertThat(FindingDensity.of(List.of(5, 1, 2)).median()).isEqualTo(2.0);
    }

    @Test
    void finding_density_without_crews_is_all_zero() {
        assertThat(FindingDensity.of(List.of())).isEqualTo(new FindingDensity(0, 0, 0.0, 0.0, 0.0));
    }

    @Test
    void normalized_features_divide_by_their_denominators() {
        NormalizedFeatures f = NormalizedFeatures.of(18, 56, 30, 13, 30, 6, 10, 9);

        assertThat(f.findingsPerAgent()).isCloseTo(18.0 / 56, within(1e-12));
        assertThat(f.findingsPerCrew()).isCloseTo(0.6, within(1e-12));
        assertThat(f.guardrailsPerAgent()).isCloseTo(13.0 / 56, within(1e-12));
        assertThat(f.toolsPerAgent()).isCloseTo(30.0 / 56, within(1e-12));
        assertThat(f.externalExposureRatio()).isCloseTo(0.6, within(1e-12));
        assertThat(f.guardrailCoverageRatio()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void normalized_features_are_zero_when_denominators_are_zero() {
        assertThat(NormalizedFeatures.of(0, 0, 0, 0, 0, 0, 0, 0))
                .isEqualTo(new NormalizedFeatures(0, 0, 0, 0, 0, 0));
        assertThat(NormalizedFeatures.of(2, 0, 0, 1, 3, 0, 0, 0).findingsPerAgent()).isZero();
    }

    @Test
    void normalized_features_reject_a_part_larger_than_its_whole() {
        assertThatThrownBy(() -> NormalizedFeatures.of(1, 1, 1, 1, 1, 3, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void co_occurrence_pairs_rules_within_a_crew_once_and_sorted() {
        List<List<String>> pairs = PingBuilder.coOccurrence(List.of(
                Set.of("STRATUM-CR05", "STRATUM-001"),
                Set.of("STRATUM-001", "STRATUM-CR05", "STRATUM-CR06"),
                Set.of("STRATUM-009")));

        assertThat(pairs).containsExactly(
                List.of("STRATUM-001", "STRATUM-CR05"),
                List.of("STRATUM-001", "STRATUM-CR06"),
                List.of("STRATUM-CR05", "STRATUM-CR06"));
    }

    @Test
    void co_occurrence_never_pairs_rules_of_different_crews() {
        assertThat(PingBuilder.coOccurrence(List.of(Set.of("STRATUM-001"), Set.of("STRATUM-002")))).isEmpty();
    }
}
