package dev.vulcan.sot.layout;

import java.util.Objects;

/**
 * A file of the layout (architecture proposal 3.1 FileInfo).
 *
 * @param fileId the canonical file_id
 * @param relativePath the repo-relative path
 * @param directoryId the directory_id of its directory
 * @param filename the file name
 * @param extension the extension, null when the layout has none
 * @param language the language, null when unknown
 * @param category source, test, config, docs..., null when unknown
 * @param sizeBytes the size, null when unknown
 * @param lineCount the line count, null when unknown (binary files)
 * @param binary whether the file is binary, null when unknown
 * @param stableFingerprint the content fingerprint, null when not computed
 */
public record FileInfo(String fileId, String relativePath, String directoryId, String filename, String extension,
        String language, String category, Long sizeBytes, Long lineCount, Boolean binary, String stableFingerprint) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an identifying component is null
     */
    public FileInfo {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(filename, "filename");
    }
}
