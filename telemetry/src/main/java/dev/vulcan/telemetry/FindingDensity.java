package dev.vulcan.telemetry;

import dev.vulcan.core.json.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code per_crew_finding_density} of a ping: summary statistics of the number of findings attributed to
 * each crew of the repo (crews without findings count as 0; findings outside any crew are not counted).
 *
 * <p>{@code stddev} is the POPULATION standard deviation (divide by n): the crews of a repo are all of its
 * crews, not a sample. {@code median} is the middle value, or the mean of the two middle values. A repo
 * without crews has every statistic 0 (the seed's zero guard).
 *
 * @param max the highest per-crew count
 * @param min the lowest per-crew count
 * @param mean the mean
 * @param median the median
 * @param stddev the population standard deviation
 */
public record FindingDensity(int max, int min, double mean, double median, double stddev) {

    /**
     * Computes the statistics of per-crew finding counts.
     *
     * @param perCrewCounts one count per crew, each at least 0
     * @return the statistics; all 0 for an empty list
     * @throws IllegalArgumentException if a count is negative
     */
    public static FindingDensity of(List<Integer> perCrewCounts) {
        Objects.requireNonNull(perCrewCounts, "perCrewCounts");
        if (perCrewCounts.isEmpty()) {
            return new FindingDensity(0, 0, 0.0, 0.0, 0.0);
        }
        int[] v = perCrewCounts.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (v[0] < 0) {
            throw new IllegalArgumentException("a per-crew finding count is negative: " + v[0]);
        }
        int n = v.length;
        double sum = 0;
        for (int x : v) {
            sum += x;
        }
        double mean = sum / n;
        double squares = 0;
        for (int x : v) {
            squares += (x - mean) * (x - mean);
        }
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
        return new FindingDensity(v[n - 1], v[0], mean, median, Math.sqrt(squares / n));
    }

    /**
     * Returns the ping's {@code per_crew_finding_density} object.
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("max", max);
        n.put("min", min);
        n.put("mean", mean);
        n.put("median", median);
        n.put("stddev", stddev);
        return n;
    }
}
