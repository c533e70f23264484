package dev.vulcan.telemetry.fleet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Scans one repository of a fleet batch and leaves the tool artifacts under an output root: at least
 * {@code outputRoot/agent-scanner/output.json} and {@code metadata.json} (the standard artifact layout of
 * {@link dev.vulcan.core.artifact.ArtifactIo}). The orchestrator plugs the real tools in (clone, layout-scanner,
 * agent-scanner); tests plug scanners that write golden artifacts or simulate failures.
 *
 * <p>Implementations must be thread-safe (a batch calls them from several workers) and should honour thread
 * interruption: a scan that exceeds the per-repo timeout is interrupted and abandoned.
 */
@FunctionalInterface
public interface RepoScanner {

    /**
     * Scans a repository.
     *
     * @param repo the repository (a path or a URL to clone)
     * @param outputRoot a fresh, empty directory for this repo's artifacts
     * @throws RepoScanException when the repo cannot be scanned (clone failure, unreadable repo...)
     * @throws InterruptedException when interrupted (the batch's timeout)
     * @throws IOException on an unexpected I/O failure (recorded as a {@code crash})
     */
    void scan(RepoTarget repo, Path outputRoot) throws RepoScanException, InterruptedException, IOException;
}
