package dev.vulcan.tool.layout;

import dev.vulcan.core.eval.Evaluation;

/** The {@code make evaluate} entry point: scores the layout scanner against {@code eval/ground-truth}. */
public final class LayoutScannerEvaluation {

    private LayoutScannerEvaluation() {
    }

    /**
     * Runs the shared evaluator on the layout scanner and exits with its exit status.
     *
     * @param args {@code --eval-dir DIR --output-path DIR [--fail-under RATE]}
     */
    public static void main(String[] args) {
        Evaluation.main(new LayoutScannerTool(), args);
    }
}
