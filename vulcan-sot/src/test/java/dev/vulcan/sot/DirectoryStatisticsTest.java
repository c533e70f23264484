package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every distribution statistic of directory_metrics against an independent Java computation of the
 * documented formulas, on small hand-made distributions with edge cases (one value, all equal, zeros).
 */
class DirectoryStatisticsTest {

    private static final Map<String, double[]> DISTRIBUTIONS = new LinkedHashMap<>();

    static {
        DISTRIBUTIONS.put("one", new double[] {42});
        DISTRIBUTIONS.put("two", new double[] {1, 9});
        DISTRIBUTIONS.put("equal", new double[] {5, 5, 5, 5});
        DISTRIBUTIONS.put("zeros", new double[] {0, 0, 0});
        DISTRIBUTIONS.put("zero_and_more", new double[] {0, 0, 4});
        DISTRIBUTIONS.put("mixed", new double[] {0, 1, 2, 3, 10, 40, 7, 7, 100, 13, 2});
    }

    @TempDir
    Path tmp;

    @Test
    void directory_rollup_statistics_match_an_independent_computation() throws Exception {
        List<TestRun.LayoutFile> layout = new ArrayList<>();
        List<TestRun.LocFile> loc = new ArrayList<>();
        DISTRIBUTIONS.forEach((dir, values) -> {
            for (int i = 0; i < values.length; i++) {
                String path = dir + "/f" + i + ".py";
                long lines = (long) values[i];
                layout.add(new TestRun.LayoutFile(path, "Python", "source", lines));
                loc.add(new TestRun.LocFile(path, lines, lines, 0, 0, null));
            }
        });
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(layout);
        run.writeLoc(loc);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            assertThat(sot.buildModels(run.runId).succeeded()).isTrue();
            for (Map.Entry<String, double[]> e : DISTRIBUTIONS.entrySet()) {
                Map<String, Object> row = sot.query("SELECT * FROM directory_metrics WHERE run_id = ? AND relative_path = ?"
                        + " AND scope = 'direct' AND metric = 'loc'", run.runId, e.getKey()).get(0);
                Map<String, Double> expected = expected(e.getValue());
                expected.forEach((column, value) -> {
                    Object actual = row.get(column);
                    if (value == null) {
                        assertThat(actual).as(e.getKey() + "." + column).isNull();
                    } else {
                        assertThat(actual).as(e.getKey() + "." + column).isNotNull();
                        assertThat(((Number) actual).doubleValue()).as(e.getKey() + "." + column)
                                .isCloseTo(value, within(1e-9));
                    }
                });
            }
            // The root's recursive rollup sees every file of every directory.
            Map<String, Object> root = sot.query("SELECT value_count, file_count FROM directory_metrics WHERE run_id = ?"
                    + " AND relative_path = '' AND scope = 'recursive' AND metric = 'loc'", run.runId).get(0);
            assertThat(((Number) root.get("value_count")).longValue()).isEqualTo(layout.size());
        }
    }

    /** The documented formulas, computed directly. */
    static Map<String, Double> expected(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double total = Arrays.stream(x).sum();
        double mu = total / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double absDev = 0;
        double theil = 0;
        double giniNumerator = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mu;
            m2 += d * d / n;
            m3 += d * d * d / n;
            m4 += d * d * d * d / n;
            absDev += Math.abs(d);
            if (x[i] > 0 && mu > 0) {
                theil += (x[i] / mu) * Math.log(x[i] / mu) / n;
            }
            giniNumerator += (2.0 * (i + 1) - n - 1) * x[i];
        }
        double stddev = Math.sqrt(m2);
        double top10 = sumLargest(x, (int) Math.ceil(0.1 * n));
        double top20 = sumLargest(x, (int) Math.ceil(0.2 * n));
        double bottom50 = sumSmallest(x, (int) Math.floor(0.5 * n));
        double bottom40 = sumSmallest(x, (int) Math.floor(0.4 * n));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("value_count", (double) n);
        out.put("min_value", x[0]);
        out.put("max_value", x[n - 1]);
        out.put("avg_value", mu);
        out.put("stddev_value", stddev);
        out.put("p25_value", quantile(x, 0.25));
        out.put("p50_value", quantile(x, 0.50));
        out.put("median_value", quantile(x, 0.50));
        out.put("p75_value", quantile(x, 0.75));
        out.put("p90_value", quantile(x, 0.90));
        out.put("p95_value", quantile(x, 0.95));
        out.put("p99_value", quantile(x, 0.99));
        out.put("skewness_value", m2 > 0 ? m3 / Math.pow(m2, 1.5) : null);
        out.put("kurtosis_value", m2 > 0 ? m4 / (m2 * m2) - 3 : null);
        out.put("cv_value", mu != 0 ? stddev / mu : null);
        out.put("iqr_value", quantile(x, 0.75) - quantile(x, 0.25));
        out.put("gini_value", total > 0 ? giniNumerator / (n * total) : null);
        out.put("theil_value", mu > 0 ? theil : null);
        out.put("hoover_value", total > 0 ? absDev / (2 * total) : null);
        out.put("palma_value", bottom40 > 0 ? top10 / bottom40 : null);
        out.put("top_10_pct_share", total > 0 ? top10 / total : null);
        out.put("top_20_pct_share", total > 0 ? top20 / total : null);
        out.put("bottom_50_pct_share", total > 0 ? bottom50 / total : null);
        return out;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double sumLargest(double[] sorted, int k) {
        double sum = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum;
    }

    private static double sumSmallest(double[] sorted, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum;
    }

    @Test
    void the_independent_computation_knows_textbook_values() {
        Map<String, Double> two = expected(new double[] {1, 9});
        assertThat(two.get("gini_value")).isCloseTo(0.4, within(1e-12));
        assertThat(two.get("hoover_value")).isCloseTo(0.4, within(1e-12));
        assertThat(two.get("p50_value")).isCloseTo(5.0, within(1e-12));
        Map<String, Double> equal = expected(new double[] {5, 5, 5, 5});
        assertThat(equal.get("gini_value")).isZero();
        assertThat(equal.get("skewness_value")).isNull();
    }
}
