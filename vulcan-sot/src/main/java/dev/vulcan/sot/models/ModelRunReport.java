package dev.vulcan.sot.models;

import java.util.List;
import java.util.Optional;

/**
 * The result of a model run: every model in build order, then every data test.
 *
 * @param models the model results, in the order they were built
 * @param tests the data test results
 */
public record ModelRunReport(List<ModelResult> models, List<DataTestResult> tests) {

    /**
     * Creates the report.
     *
     * @throws NullPointerException if a list is null
     */
    public ModelRunReport {
        models = List.copyOf(models);
        tests = List.copyOf(tests);
    }

    /**
     * Tells whether every model was built and every test passed.
     *
     * @return true when all succeeded
     */
    public boolean succeeded() {
        return models.stream().allMatch(m -> m.status() == RunStatus.SUCCESS)
                && tests.stream().allMatch(t -> t.status() == RunStatus.SUCCESS);
    }

    /**
     * Returns one model's result.
     *
     * @param name the model
     * @return its result, empty when the project has no such model
     */
    public Optional<ModelResult> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Returns one test's result.
     *
     * @param name the test
     * @return its result, empty when there is no such test
     */
    public Optional<DataTestResult> test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
