package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.internal.JGitText;

/**
 * Prepares, on a second thread, what a command-line run will need later, so that the one-time costs run on the
 * second core while the main thread parses the command line and the config, and while git walks the history:
 * the shared JSON mapper, JGit's message bundle (loaded by reflection on first use), and the compiled schemas the
 * artifact is validated against at the end (envelope, tool output, execution metadata).
 *
 * <p>Only {@code GitHistoryTool.main} starts it (an embedding JVM keeps its own pace). It changes no result:
 * everything it does is done again, or found ready, by the main thread, and any failure here is ignored (the
 * main thread then meets the same problem and reports it).
 */
public final class Warmup {

    private Warmup() {
    }

    /**
     * Starts the warm-up thread (a daemon: it never keeps the JVM alive).
     *
     * @param outputSchemaId the id of the tool's output schema
     * @return the started thread
     * @throws NullPointerException if the id is null
     */
    public static Thread start(String outputSchemaId) {
        Objects.requireNonNull(outputSchemaId, "outputSchemaId");
        Thread thread = new Thread(() -> run(outputSchemaId), "git-history-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    private static void run(String outputSchemaId) {
        try {
            Json.mapper();
            JGitText.get();
            // compiles each schema once (SchemaValidator caches compiled schemas); the problems are not used
            for (String id : List.of(VulcanSchemas.ENVELOPE, outputSchemaId, VulcanSchemas.EXECUTION_METADATA)) {
                SchemaValidator.shared().validate(id, Json.object());
            }
        } catch (RuntimeException | LinkageError e) {
            // the main thread does the same work and reports any problem itself
        }
    }
}
