package dev.vulcan.sot;

import dev.vulcan.sot.internal.RunImporter;
import java.util.Objects;

/**
 * An incremental import of one run ({@link SourceOfTruth#beginImport}): tools land one by one as their artifacts
 * are ready ({@link #importTool}), then {@link #finish} lands the folders not imported yet, writes the import log,
 * runs the landing checks and quality scores and checkpoints, and returns the same {@link ImportReport} as
 * {@link SourceOfTruth#importRun}. Validation, one transaction per tool, failure isolation and rejection reasons are
 * those of {@code importRun}.
 *
 * <p>Thread-safe: {@link #importTool} may run on several threads at once for different tools; {@link #finish}
 * and {@link #close} wait for the calls in flight. Close the handle in every case: without {@link #finish} it
 * abandons the import (what it landed is removed) and restores the deferred checkpoint.
 */
public final class RunImport implements AutoCloseable {

    private final RunImportRequest request;
    private final RunImporter.Session session;

    RunImport(RunImportRequest request, RunImporter.Session session) {
        this.request = Objects.requireNonNull(request, "request");
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Returns the request this import was begun with.
     *
     * @return the request
     */
    public RunImportRequest request() {
        return request;
    }

    /**
     * Returns whether the import replaces an earlier import of the run or of its repository and commit: rows of
     * the same run_id are removed when the import begins, other runs of that repository and commit by
     * {@link #finish}, so an import that never finishes leaves them in place.
     *
     * @return true when replacing
     */
    public boolean replaced() {
        return session.replaced();
    }

    /**
     * Validates and lands one tool folder {@code outputDir/{toolName}/} in its own transaction. An invalid
     * artifact, a failed tool or a failed landing is a result (rejected or tool_failed) and leaves nothing of the
     * tool; the import goes on.
     *
     * @param toolName the tool's folder name under the output directory
     * @return the tool's result (also part of {@link #finish}'s report)
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is not a plain folder name (empty, hidden, with a separator)
     *     or no such folder exists (a symbolic link is no folder)
     * @throws IllegalStateException if this tool was imported by this handle before, or the import ended
     * @throws SotException if the database fails outside the tool's transaction; {@link #finish} throws too then
     */
    public ToolImportResult importTool(String toolName) {
        return session.importTool(toolName);
    }

    /**
     * Ends the import: lands every tool folder not imported yet, writes the import log, runs the landing checks
     * and quality scores, checkpoints once.
     *
     * @return one result per tool folder (layout-scanner first, then by name) and the landing-check issues
     * @throws IllegalStateException if the import ended before
     * @throws SotException if the database fails outside a tool's transaction, here or in an earlier
     *     {@link #importTool}
     */
    public ImportReport finish() {
        return session.finish();
    }

    /**
     * Closes the handle; after {@link #finish} it does nothing. Before it, it abandons the import: every row landed
     * for the run is removed (the run's {@code collection_runs} row stays; earlier runs of the same repository and
     * commit that a {@code replace} was to remove stay in place), so the abandoned import by itself never makes a
     * later import of the same repository and commit refused, and the checkpoint threshold is restored.
     *
     * @throws SotException if the removal or the checkpoint fails
     */
    @Override
    public void close() {
        session.close();
    }
}
