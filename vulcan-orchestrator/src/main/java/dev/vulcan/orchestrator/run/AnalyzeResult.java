package dev.vulcan.orchestrator.run;

import dev.vulcan.sot.CollectionRun;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.models.ModelRunReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code vulcan analyze} produced.
 *
 * @param status how the run ended overall
 * @param collection the tool side: repository, tools, outcomes
 * @param dbFile the source-of-truth file
 * @param importReport what the source of truth imported, or null when import did not happen
 * @param models the models and data tests, or null when they did not run
 * @param flags the decision flags raised (empty when flags did not run)
 * @param run the {@code collection_runs} row as recorded at the end
 * @param figures key figures from the artifacts
 * @param stepSeconds wall time per step (resolve, open, tools, import, import_work, models, flags, close, total):
 *     {@code import} is the import time left after the tools (on the critical path), {@code import_work} the
 *     import's whole work, mostly done beside the tools ({@link Analyzer})
 * @param failure why the run failed in the source of truth, or null
 */
public record AnalyzeResult(AnalyzeStatus status, CollectionResult collection, Path dbFile, ImportReport importReport,
        ModelRunReport models, List<DecisionFlag> flags, CollectionRun run, RunFigures figures,
        Map<String, Double> stepSeconds, String failure) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if a required component is null
     */
    public AnalyzeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(dbFile, "dbFile");
        flags = List.copyOf(flags);
        Objects.requireNonNull(figures, "figures");
        stepSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepSeconds));
    }

    /**
     * Returns the import report, if the import ran.
     *
     * @return the report
     */
    public Optional<ImportReport> importReportIfAny() {
        return Optional.ofNullable(importReport);
    }

    /**
     * Returns the model report, if the models ran.
     *
     * @return the report
     */
    public Optional<ModelRunReport> modelsIfAny() {
        return Optional.ofNullable(models);
    }
}
