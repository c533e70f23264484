package dev.vulcan.tool.complexity;

import dev.vulcan.core.eval.Evaluation;

/**
 * The {@code make evaluate} entry point of the complexity tool: runs the shared evaluator ({@link Evaluation})
 * with this tool on the synthetic repositories under {@code eval/repos/} and their hand-counted ground truth
 * under {@code eval/ground-truth/}.
 */
public final class ComplexityEvaluation {

    private ComplexityEvaluation() {
    }

    /**
     * Runs the evaluation; see {@link Evaluation#main(dev.vulcan.core.tool.Tool, String[])} for the options and
     * exit status.
     *
     * @param args {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}
     */
    public static void main(String[] args) {
        Evaluation.main(new ComplexityTool(), args);
    }
}
