package dev.vulcan.tool.layout.internal;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.paths.RepoPaths;
import dev.vulcan.tool.layout.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scans a repository into the layout data: walks the file universe ({@link RepoWalker}), reads each file once
 * ({@link ContentScanner}), detects its language ({@link LanguageCatalog}) and category ({@link CategoryRules}),
 * and aggregates directories. Files are scanned in parallel; the output is ordered by path.
 */
public final class LayoutScanner {

    private final LanguageCatalog languages;
    private final CategoryRules rules;
    private final ScanLimits limits;
    private final ContentScanner content;

    /**
     * Creates a scanner.
     *
     * @param languages the language catalog
     * @param rules the category rules
     * @param limits the per-file caps
     */
    public LayoutScanner(LanguageCatalog languages, CategoryRules rules, ScanLimits limits) {
        this.languages = Objects.requireNonNull(languages, "languages");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.content = new ContentScanner(rules.headerLines(), rules.headerBytes());
    }

    /**
     * The result of a scan.
     *
     * @param data the {@code data} object of the artifact
     * @param errors recoverable problems
     * @param filesAnalyzed how many files are listed
     */
    public record Scan(ObjectNode data, List<ToolError> errors, int filesAnalyzed) {

        /**
         * Creates a scan result.
         *
         * @throws NullPointerException if the data or errors are null
         */
        public Scan {
            Objects.requireNonNull(data, "data");
            errors = List.copyOf(errors);
        }
    }

    /** One file's record and the problems met reading it. */
    private record FileOutcome(FileRecord record, List<ToolError> errors) {
    }

    /** One file of the output. */
    private record FileRecord(String path, String language, Category category, long sizeBytes, Long lineCount,
            Boolean binary, String fingerprint, boolean symlink, SymlinkInspector.Target link, Boolean tracked) {
    }

    /**
     * Scans a repository.
     *
     * @param root the repository root
     * @param cancel called regularly; throws to stop the scan
     * @return the data and errors
     * @throws IOException if the repository cannot be walked at all
     */
    public Scan scan(Path root, Runnable cancel) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(cancel, "cancel");
        Path realRoot = root.toRealPath();
        WalkResult walk = RepoWalker.walk(realRoot, cancel);
        List<FileOutcome> outcomes = walk.entries().parallelStream()
                .map(entry -> {
                    cancel.run();
                    return scanEntry(realRoot, entry);
                })
                .toList();
        List<ToolError> errors = new ArrayList<>(walk.errors());
        List<FileRecord> records = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            errors.addAll(outcome.errors());
            if (outcome.record() != null) {
                records.add(outcome.record());
            }
        }
        ObjectNode data = Json.object();
        ArrayNode files = data.putArray("files");
        records.forEach(r -> files.add(fileJson(r)));
        List<DirectoryStats> directories = directories(records);
        ArrayNode dirArray = data.putArray("directories");
        directories.forEach(d -> dirArray.add(d.toJson()));
        data.set("summary", summary(walk, records, directories));
        return new Scan(data, errors, records.size());
    }

    private FileOutcome scanEntry(Path root, WalkResult.Entry entry) {
        String path = entry.path();
        Path file = root.resolve(path);
        String filename = RepoPaths.fileName(path);
        List<ToolError> errors = new ArrayList<>();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new FileOutcome(null, List.of(ToolError.recoverable("FILE_VANISHED",
                    "disappeared during the scan", path)));
        } catch (IOException e) {
            return new FileOutcome(null, List.of(ToolError.recoverable("FILE_UNREADABLE",
                    "cannot be examined: " + e.getClass().getSimpleName(), path)));
        }
        if (entry.symlink() || attrs.isSymbolicLink()) {
            return symlink(root, path, entry, errors);
        }
        if (!attrs.isRegularFile()) {
            return new FileOutcome(null, List.of(ToolError.recoverable("SPECIAL_FILE",
                    "no longer a regular file; left out", path)));
        }
        Language byName = languages.byName(filename).orElse(null);
        ContentScanner.Facts facts = null;
        try {
            facts = content.scan(file, limits.maxFileBytes(), limits.maxFileTime().toNanos());
        } catch (NoSuchFileException e) {
            return new FileOutcome(null, List.of(ToolError.recoverable("FILE_VANISHED",
                    "disappeared during the scan", path)));
        } catch (AccessDeniedException e) {
            errors.add(ToolError.recoverable("FILE_UNREADABLE", "permission denied; content not analyzed", path));
        } catch (FileSystemException e) {
            errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot be read (" + reason(e)
                    + "); content not analyzed", path));
        } catch (IOException e) {
            errors.add(ToolError.recoverable("FILE_UNREADABLE", "cannot be read (" + e.getClass().getSimpleName()
                    + "); content not analyzed", path));
        }
        Language language = byName;
        boolean marker = false;
        if (facts != null) {
            if (!facts.binary()) {
                if (language == null && !facts.headerLines().isEmpty()) {
                    language = languages.byShebang(facts.headerLines().get(0)).orElse(null);
                }
                if (language == null || language.kind() != LanguageKind.PROSE) {
                    marker = facts.headerLines().stream().anyMatch(rules::isMarkerLine);
                }
                if (!facts.validEncoding()) {
                    errors.add(ToolError.recoverable("INVALID_ENCODING", "not valid UTF-8 (nor UTF-16 with a byte "
                            + "order mark); lines counted and fingerprint computed reading it as ISO-8859-1", path));
                }
            }
            if (facts.stop() == ContentScanner.Stop.SIZE) {
                errors.add(ToolError.recoverable("FILE_TOO_LARGE", "larger than max_file_bytes ("
                        + limits.maxFileBytes() + "); line count and fingerprint not computed", path));
            } else if (facts.stop() == ContentScanner.Stop.TIME) {
                errors.add(ToolError.recoverable("FILE_READ_TIMEOUT", "reading took longer than max_file_seconds ("
                        + limits.maxFileTime().toSeconds() + "); line count and fingerprint not computed", path));
            }
        }
        boolean binary = facts != null && facts.binary();
        Category category = rules.categorize(path, binary ? null : language, binary, marker);
        FileRecord record = new FileRecord(path, binary ? null : name(language), category, attrs.size(),
                facts == null ? null : facts.lineCount(), facts == null ? null : facts.binary(),
                facts == null ? null : facts.fingerprint(), false, null, entry.tracked());
        return new FileOutcome(record, errors);
    }

    private FileOutcome symlink(Path root, String path, WalkResult.Entry entry, List<ToolError> errors) {
        SymlinkInspector.Target target;
        try {
            target = SymlinkInspector.inspect(root, path);
        } catch (IOException e) {
            return new FileOutcome(null, List.of(ToolError.recoverable("FILE_UNREADABLE",
                    "symbolic link cannot be read: " + e.getClass().getSimpleName(), path)));
        }
        byte[] text = target.linkText().getBytes(StandardCharsets.UTF_8);
        String fingerprint = HexFormat.of().formatHex(TextSink.sha256().digest(text));
        Category category = rules.categorize(path, null, false, false);
        FileRecord record = new FileRecord(path, null, category, text.length, null, false, fingerprint, true, target,
                entry.tracked());
        return new FileOutcome(record, errors);
    }

    private static String reason(FileSystemException e) {
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    }

    private static String name(Language language) {
        return language == null ? null : language.name();
    }

    private static ObjectNode fileJson(FileRecord r) {
        ObjectNode node = Json.object();
        String filename = RepoPaths.fileName(r.path());
        String parent = RepoPaths.parent(r.path());
        node.put("file_id", CanonicalIds.fileId(r.path()));
        node.put("path", r.path());
        node.put("directory_id", CanonicalIds.directoryId(parent));
        node.put("filename", filename);
        node.put("extension", LanguageCatalog.extensionOf(filename).orElse(null));
        node.put("language", r.language());
        node.put("category", r.category().code());
        node.put("size_bytes", r.sizeBytes());
        node.put("line_count", r.lineCount());
        node.put("is_binary", r.binary());
        node.put("stable_fingerprint", r.fingerprint());
        node.put("is_symlink", r.symlink());
        if (r.symlink()) {
            node.put("symlink_target_kind", r.link().kind().code());
            node.put("symlink_target", r.link().target());
        }
        node.put("tracked", r.tracked());
        return node;
    }

    /** Per-directory aggregates. */
    private static final class DirectoryStats {
        final String path;
        int fileCount;
        long totalSize;
        int recursiveFileCount;
        long recursiveSize;

        DirectoryStats(String path) {
            this.path = path;
        }

        int depth() {
            return path.isEmpty() ? 0 : path.split("/").length;
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("directory_id", CanonicalIds.directoryId(path));
            node.put("path", path);
            node.put("parent_id", path.isEmpty() ? null : CanonicalIds.directoryId(RepoPaths.parent(path)));
            node.put("depth", depth());
            node.put("file_count", fileCount);
            node.put("total_size_bytes", totalSize);
            node.put("recursive_file_count", recursiveFileCount);
            node.put("recursive_size_bytes", recursiveSize);
            return node;
        }
    }

    private static List<DirectoryStats> directories(List<FileRecord> records) {
        Map<String, DirectoryStats> byPath = new TreeMap<>();
        byPath.put("", new DirectoryStats(""));
        for (FileRecord r : records) {
            String dir = RepoPaths.parent(r.path());
            DirectoryStats direct = byPath.computeIfAbsent(dir, DirectoryStats::new);
            direct.fileCount++;
            direct.totalSize += r.sizeBytes();
            String ancestor = dir;
            while (true) {
                DirectoryStats stats = byPath.computeIfAbsent(ancestor, DirectoryStats::new);
                stats.recursiveFileCount++;
                stats.recursiveSize += r.sizeBytes();
                if (ancestor.isEmpty()) {
                    break;
                }
                ancestor = RepoPaths.parent(ancestor);
            }
        }
        return List.copyOf(byPath.values());
    }

    private static ObjectNode summary(WalkResult walk, List<FileRecord> records, List<DirectoryStats> directories) {
        ObjectNode summary = Json.object();
        summary.put("source", walk.source());
        summary.put("total_files", records.size());
        summary.put("total_directories", directories.size());
        summary.put("total_size_bytes", records.stream().mapToLong(FileRecord::sizeBytes).sum());
        summary.put("total_lines", records.stream().map(FileRecord::lineCount).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum());
        summary.put("text_files", records.stream().filter(r -> Boolean.FALSE.equals(r.binary()) && !r.symlink()).count());
        summary.put("binary_files", records.stream().filter(r -> Boolean.TRUE.equals(r.binary())).count());
        summary.put("symlinks", records.stream().filter(FileRecord::symlink).count());
        summary.put("unread_files", records.stream().filter(r -> !r.symlink() && r.fingerprint() == null).count());
        summary.put("max_depth", directories.stream().mapToInt(DirectoryStats::depth).max().orElse(0));
        if ("git".equals(walk.source())) {
            summary.put("untracked_files", records.stream().filter(r -> Boolean.FALSE.equals(r.tracked())).count());
        } else {
            summary.putNull("untracked_files");
        }
        summary.put("skipped_submodules", walk.skippedSubmodules());
        summary.put("skipped_special_files", walk.skippedSpecialFiles());
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            byCategory.put(c, 0);
        }
        records.forEach(r -> byCategory.merge(r.category(), 1, Integer::sum));
        ObjectNode categories = summary.putObject("files_by_category");
        byCategory.forEach((c, n) -> categories.put(c.code(), n));
        Map<String, Integer> byLanguage = new TreeMap<>();
        records.forEach(r -> Optional.ofNullable(r.language()).ifPresent(l -> byLanguage.merge(l, 1, Integer::sum)));
        ObjectNode langs = summary.putObject("files_by_language");
        byLanguage.forEach(langs::put);
        summary.put("files_without_language", records.stream().filter(r -> r.language() == null).count());
        return summary;
    }
}
