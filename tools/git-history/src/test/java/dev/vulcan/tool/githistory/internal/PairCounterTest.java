package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairCounterTest {

    @Test
    void counts_many_keys_through_growth() {
        PairCounter counter = new PairCounter();
        for (long key = 0; key < 5000; key++) {
            for (int i = 0; i <= key % 3; i++) {
                counter.increment(key * 7919);
            }
        }
        Map<Long, Integer> seen = new HashMap<>();
        counter.forEach(seen::put);

        assertThat(counter.size()).isEqualTo(5000);
        assertThat(seen).hasSize(5000);
        assertThat(counter.get(0)).isEqualTo(1);
        assertThat(counter.get(2 * 7919)).isEqualTo(3);
        assertThat(counter.get(3)).isZero();
    }

    @Test
    void rejects_negative_keys() {
        assertThatThrownBy(() -> new PairCounter().increment(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
