package dev.vulcan.tool.agents;

import dev.vulcan.core.eval.Evaluation;
import dev.vulcan.core.json.InvalidJsonException;
import dev.vulcan.core.json.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The agent-scanner evaluation ({@code make evaluate}): runs the shared evaluator
 * ({@link Evaluation}) on {@code eval/}, then reports precision and recall per category (agents, crews, tool
 * links, edges, findings) from the {@code set.*} expectations of the scorecard, whose expected and actual values
 * are the sorted key sets of {@code data.index}.
 */
public final class AgentScannerEvaluation {

    private AgentScannerEvaluation() {
    }

    /**
     * Runs the evaluation and exits with the shared evaluator's exit status.
     *
     * @param args {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = Evaluation.run(new AgentScannerTool(), args, out, err);
        Path output = outputPath(args);
        if (output != null && Files.isRegularFile(output.resolve(Evaluation.SCORECARD_FILE))) {
            try {
                report(Json.read(output.resolve(Evaluation.SCORECARD_FILE)), out);
            } catch (InvalidJsonException e) {
                err.println("agent-scanner-evaluation: cannot read the scorecard: " + e.getMessage());
            }
        }
        out.flush();
        System.exit(status);
    }

    /**
     * Computes micro-averaged precision and recall per category over all repositories.
     *
     * @param scorecard the scorecard JSON
     * @return category to {true positives, actual count, expected count}
     */
    public static Map<String, int[]> tally(JsonNode scorecard) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (JsonNode repo : scorecard.path("repos")) {
            for (JsonNode r : repo.path("results")) {
                String id = r.path("id").asString("");
                if (!id.startsWith("set.")) {
                    continue;
                }
                Set<String> expected = strings(r.path("expected"));
                Set<String> actual = strings(r.path("actual"));
                int tp = 0;
                for (String a : actual) {
                    tp += expected.contains(a) ? 1 : 0;
                }
                int[] c = counts.computeIfAbsent(id.substring(4), k -> new int[3]);
                c[0] += tp;
                c[1] += actual.size();
                c[2] += expected.size();
            }
        }
        return counts;
    }

    private static void report(JsonNode scorecard, PrintWriter out) {
        tally(scorecard).forEach((category, c) -> out.println(String.format(Locale.ROOT,
                "agent-scanner-evaluation: %-10s precision %.3f recall %.3f (tp %d, actual %d, expected %d)",
                category, c[1] == 0 ? 1.0 : (double) c[0] / c[1], c[2] == 0 ? 1.0 : (double) c[0] / c[2],
                c[0], c[1], c[2])));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    private static Path outputPath(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--output-path")) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--output-path=")) {
                return Path.of(args[i].substring("--output-path=".length()));
            }
        }
        return null;
    }
}
