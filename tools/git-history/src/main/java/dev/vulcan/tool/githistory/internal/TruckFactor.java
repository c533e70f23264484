package dev.vulcan.tool.githistory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Knowledge concentration after Avelino, Passos, Hora and Valente, "A novel approach for estimating truck
 * factors" (ICPC 2016): the degree-of-authorship (DOA) model of Fritz et al. decides who the authors of a file
 * are, and a greedy removal of the top authors gives the truck factor.
 *
 * <p>{@code DOA = 3.293 + 1.098 * FA + 0.164 * DL - 0.321 * ln(1 + AC)}, where FA is 1 when the developer
 * created the file, DL the developer's changes to it and AC the changes by everybody else. A developer is an
 * author of a file when the DOA normalized by the file's highest DOA is above 0.75 and the DOA is at least 3.293.
 */
public final class TruckFactor {

    /** The normalized-DOA threshold: an author's DOA over the file's highest DOA must exceed it. */
    public static final double NORMALIZED_THRESHOLD = 0.75;
    /** The absolute DOA threshold an author must reach. */
    public static final double ABSOLUTE_THRESHOLD = 3.293;
    /** The share of files that must keep an author; the removal stops when coverage falls below it. */
    public static final double COVERAGE = 0.5;

    private TruckFactor() {
    }

    /**
     * Returns the degree of authorship.
     *
     * @param firstAuthor whether the developer created the file
     * @param deliveries the developer's changes to the file
     * @param acceptances the changes to the file by other developers
     * @return the DOA
     * @throws IllegalArgumentException if a count is negative
     */
    public static double doa(boolean firstAuthor, int deliveries, int acceptances) {
        if (deliveries < 0 || acceptances < 0) {
            throw new IllegalArgumentException("change counts must not be negative");
        }
        return 3.293 + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * deliveries - 0.321 * Math.log(1 + acceptances);
    }

    /**
     * Returns the authors of one file under the DOA model, highest DOA first (ties by key).
     *
     * @param creator the key of the file's creator, or null when unknown
     * @param changesByAuthor each developer's number of changes to the file
     * @return the author keys
     */
    public static List<String> authors(String creator, Map<String, Integer> changesByAuthor) {
        Objects.requireNonNull(changesByAuthor, "changesByAuthor");
        int total = changesByAuthor.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> doa = new HashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Integer> e : changesByAuthor.entrySet()) {
            double value = doa(e.getKey().equals(creator), e.getValue(), total - e.getValue());
            doa.put(e.getKey(), value);
            max = Math.max(max, value);
        }
        List<String> authors = new ArrayList<>();
        for (Map.Entry<String, Double> e : doa.entrySet()) {
            double value = e.getValue();
            if (max > 0 && value / max > NORMALIZED_THRESHOLD && value >= ABSOLUTE_THRESHOLD) {
                authors.add(e.getKey());
            }
        }
        authors.sort(Comparator.comparing((String a) -> -doa.get(a)).thenComparing(Comparator.naturalOrder()));
        return List.copyOf(authors);
    }

    /**
     * The outcome of the greedy algorithm.
     *
     * @param truckFactor how many top authors had to be removed before fewer than half of the files kept an
     *     author
     * @param removedAuthors those authors, in removal order
     * @param fileCount the files considered
     */
    public record Result(int truckFactor, List<String> removedAuthors, int fileCount) {

        /**
         * Creates a result.
         *
         * @throws IllegalArgumentException if a count is negative or does not match the removed authors
         */
        public Result {
            removedAuthors = List.copyOf(removedAuthors);
            if (truckFactor != removedAuthors.size() || fileCount < 0) {
                throw new IllegalArgumentException("inconsistent truck factor result");
            }
        }
    }

    /**
     * Runs the greedy algorithm: rank developers by the number of files they author (ties by key), remove them
     * from the top while at least half of the files still have an author.
     *
     * @param authorsByFile the DOA authors of every file considered (a file may have none)
     * @return the truck factor
     */
    public static Result compute(Map<String, ? extends Set<String>> authorsByFile) {
        Objects.requireNonNull(authorsByFile, "authorsByFile");
        Map<String, Integer> filesByAuthor = new HashMap<>();
        for (Set<String> authors : authorsByFile.values()) {
            for (String author : authors) {
                filesByAuthor.merge(author, 1, Integer::sum);
            }
        }
        List<String> ranking = new ArrayList<>(filesByAuthor.keySet());
        ranking.sort(Comparator.comparing((String a) -> -filesByAuthor.get(a))
                .thenComparing(Comparator.naturalOrder()));
        int files = authorsByFile.size();
        Set<String> removed = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (String next : ranking) {
            if (files == 0 || covered(authorsByFile, removed) < COVERAGE * files) {
                break;
            }
            removed.add(next);
            order.add(next);
        }
        return new Result(order.size(), order, files);
    }

    private static int covered(Map<String, ? extends Set<String>> authorsByFile, Set<String> removed) {
        int covered = 0;
        for (Set<String> authors : authorsByFile.values()) {
            for (String author : authors) {
                if (!removed.contains(author)) {
                    covered++;
                    break;
                }
            }
        }
        return covered;
    }
}
