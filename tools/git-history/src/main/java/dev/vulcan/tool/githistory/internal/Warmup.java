package dev.vulcan.tool.githistory.internal;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.tool.githistory.GitHistoryOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.internal.JGitText;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares, on a second thread, what a command-line run will need later, so that one-time costs run on the
 * second core instead of on the main thread's critical path. Two phases:
 * <ul>
 *   <li>{@link #startup()}, at the start of {@code main}: the shared JSON mapper and JGit's message bundle (loaded
 *       by reflection on first use), both needed within a few hundred milliseconds by the main thread, which is
 *       meanwhile parsing the command line;</li>
 *   <li>{@link #rehearse(String)}, once git runs (the main thread then mostly waits for git's output): compiles
 *       the schemas the artifact is validated against at the end (envelope, tool output, execution metadata) and
 *       rehearses the end of a run once on a small synthetic history (report, serialization, digest, read-back,
 *       validation), so that the end of the real run, single-threaded after git is done, finds its classes
 *       loaded and linked.</li>
 * </ul>
 *
 * <p>Only the command line uses it (an embedding JVM keeps its own pace). It changes no result: everything it does
 * is done again, or found ready, by the main thread, and any failure here is ignored (the main thread then meets
 * the same problem and reports it).
 */
public final class Warmup {

    private static final int FILES = 64;
    private static final int COMMITS = 400;

    private Warmup() {
    }

    /**
     * Starts the start-up phase on a daemon thread.
     *
     * @return the started thread
     */
    public static Thread startup() {
        return daemon("git-history-warmup", () -> {
            Json.mapper();
            JGitText.get();
        });
    }

    /**
     * Starts the rehearsal phase on a daemon thread.
     *
     * @param outputSchemaId the id of the tool's output schema
     * @return the started thread
     * @throws NullPointerException if the id is null
     */
    public static Thread rehearse(String outputSchemaId) {
        Objects.requireNonNull(outputSchemaId, "outputSchemaId");
        return daemon("git-history-rehearsal", () -> {
            for (String id : List.of(VulcanSchemas.ENVELOPE, outputSchemaId, VulcanSchemas.EXECUTION_METADATA)) {
                SchemaValidator.shared().validate(id, Json.object()); // compiles and caches the schema
            }
            // one pass of the end of a run on a small report loads and links its classes off the critical path;
            // more passes (to get that code compiled) cost more CPU than they save on a 2-core machine where git
            // needs a core of its own (EVAL_STRATEGY.md, "Speed and memory")
            byte[] bytes = Json.toBytes(syntheticReport());
            try {
                MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                return;
            }
            SchemaValidator.shared().validate(outputSchemaId, Json.parse(bytes, "rehearsal"));
        });
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException | LinkageError e) {
                // the main thread does the same work and reports any problem itself
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A report of 64 files changed by 400 commits of 8 authors (coupled pairs, renames, binary changes). */
    static ObjectNode syntheticReport() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            paths.add("warm/d" + (i % 8) + "/f" + i + ".txt");
        }
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        HistoryStats stats = new HistoryStats(paths, MailMap.empty(), start.plus(Duration.ofDays(300)), 30);
        for (int c = 0; c < COMMITS; c++) {
            List<FileChange> changes = new ArrayList<>();
            for (int k = 0; k < 1 + c % 4; k++) {
                String path = paths.get((c * 7 + k * 13) % FILES);
                String old = k == 1 && c % 50 == 0 ? "warm/old" + c + ".txt" : path;
                changes.add(new FileChange(old, path, c % 11, c % 5, k == 3 && c % 9 == 0));
            }
            stats.accept(new CommitRecord(String.format("%040x", c), "Author " + c % 8, "a" + c % 8 + "@example.com",
                    start.plus(Duration.ofDays(c)), false, true, changes));
        }
        return ReportBuilder.build(stats, GitHistoryOptions.defaults(), AuthorNames.real(true),
                new ReportBuilder.RunFacts(start.plus(Duration.ofDays(COMMITS)), true, false, 0));
    }

}
