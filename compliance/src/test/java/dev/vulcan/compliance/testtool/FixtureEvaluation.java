package dev.vulcan.compliance.testtool;

import dev.vulcan.core.eval.Evaluation;

/** The evaluation entry point of fixture tool jars ({@code make evaluate}): the shared evaluator. */
public final class FixtureEvaluation {

    private FixtureEvaluation() {
    }

    /**
     * Evaluates the fixture tool on its {@code eval/} folder.
     *
     * @param args {@code --eval-dir DIR --output-path DIR}
     */
    public static void main(String[] args) {
        Evaluation.main(new FixtureTool(), args);
    }
}
