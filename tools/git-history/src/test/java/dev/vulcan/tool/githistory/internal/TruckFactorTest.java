package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TruckFactorTest {

    @Test
    void computes_the_degree_of_authorship_of_fritz_et_al() {
        assertThat(TruckFactor.doa(true, 3, 0)).isCloseTo(4.883, within(1e-9));
        assertThat(TruckFactor.doa(true, 1, 5)).isCloseTo(3.293 + 1.098 + 0.164 - 0.321 * Math.log(6), within(1e-12));
        assertThat(TruckFactor.doa(false, 5, 1)).isCloseTo(3.8905, within(1e-5));
    }

    @Test
    void keeps_authors_above_both_thresholds() {
        // Creator 1 change, other 5 changes: both authors (3.980 and 3.891, normalized 0.98).
        assertThat(TruckFactor.authors("a", Map.of("a", 1, "b", 5))).containsExactly("a", "b");
        // Normalized 0.80 but absolute DOA 3.268 < 3.293: not an author.
        assertThat(TruckFactor.authors("a", Map.of("a", 1, "b", 1, "c", 2))).containsExactly("a");
        // Creator with one change against one change by another: the other's DOA is 3.235 < 3.293.
        assertThat(TruckFactor.authors("c", Map.of("c", 1, "a", 1))).containsExactly("c");
    }

    @Test
    void removes_top_authors_until_fewer_than_half_of_the_files_are_covered() {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        files.put("f1", Set.of("alice"));
        files.put("f2", Set.of("alice", "bob"));
        files.put("f3", Set.of("bob"));
        files.put("f4", Set.of("carl"));

        TruckFactor.Result result = TruckFactor.compute(files);

        assertThat(result.truckFactor()).isEqualTo(2);
        assertThat(result.removedAuthors()).containsExactly("alice", "bob");
        assertThat(result.fileCount()).isEqualTo(4);
    }

    @Test
    void stops_at_once_when_fewer_than_half_of_the_files_have_an_author() {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        files.put("f1", Set.of("alice"));
        files.put("f2", Set.of());
        files.put("f3", Set.of());

        assertThat(TruckFactor.compute(files).truckFactor()).isZero();
        assertThat(TruckFactor.compute(Map.of()).truckFactor()).isZero();
    }

    @Test
    void gives_one_for_a_single_owner() {
        assertThat(TruckFactor.compute(Map.of("f1", Set.of("alice"), "f2", Set.of("alice"))).truckFactor())
                .isEqualTo(1);
    }
}
