package dev.vulcan.sot.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The thresholds of the complexity and knowledge flags: defaults, copies and their bounds. */
class FlagSettingsTest {

    @Test
    void four_argument_settings_take_the_documented_defaults_of_the_newer_flags() {
        FlagSettings settings = new FlagSettings(0.5, 0.1, Set.of("loc"), 1);
        assertThat(settings.complexityDisagreementThreshold()).isEqualTo(0.30);
        assertThat(settings.maxTruckFactor()).isEqualTo(2);
        assertThat(settings.ownershipShareThreshold()).isEqualTo(0.50);
        assertThat(FlagSettings.defaults().withKnowledgeThresholds(1, 0.8))
                .extracting(FlagSettings::maxTruckFactor, FlagSettings::ownershipShareThreshold,
                        FlagSettings::lowFileCoverageThreshold)
                .containsExactly(1, 0.8, 0.85);
    }

    @Test
    void rejects_thresholds_outside_their_bounds() {
        assertThatThrownBy(() -> FlagSettings.defaults().withComplexityDisagreementThreshold(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complexityDisagreementThreshold");
        assertThatThrownBy(() -> FlagSettings.defaults().withKnowledgeThresholds(-1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTruckFactor");
        assertThatThrownBy(() -> FlagSettings.defaults().withKnowledgeThresholds(2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownershipShareThreshold");
    }
}
