package dev.vulcan.tool.layout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.ids.CanonicalIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LayoutScannerTest {

    @TempDir
    Path tmp;

    private static LayoutScanner scanner(ScanLimits limits) {
        return new LayoutScanner(LanguageCatalog.defaults(), CategoryRules.defaults(), limits);
    }

    private static LayoutScanner.Scan scan(Path root) throws Exception {
        return scanner(ScanLimits.defaults()).scan(root, () -> { });
    }

    private static Map<String, JsonNode> files(LayoutScanner.Scan scan) {
        Map<String, JsonNode> byPath = new HashMap<>();
        scan.data().get("files").forEach(f -> byPath.put(f.get("path").asString(), f));
        return byPath;
    }

    private static Map<String, JsonNode> directories(LayoutScanner.Scan scan) {
        Map<String, JsonNode> byPath = new HashMap<>();
        scan.data().get("directories").forEach(d -> byPath.put(d.get("path").asString(), d));
        return byPath;
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void commitAll(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setSign(false).setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com").call();
    }

    @Test
    void git_lists_tracked_and_unignored_untracked_files_and_leaves_ignored_ones_out() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "keep.log", "tracked before the ignore rule\n");
            write(repo, "ignored-dir/tracked.txt", "tracked before the ignore rule\n");
            write(repo, "src/Main.java", "class Main {}\n");
            commitAll(git, "first");
            write(repo, ".gitignore", "*.log\nignored-dir/\n");
            commitAll(git, "ignore");
        }
        write(repo, "new.txt", "untracked\n");
        write(repo, "debug.log", "ignored\n");
        write(repo, "ignored-dir/deep/a.txt", "ignored\n");
        write(repo, "ignored-dir/b.txt", "ignored\n");

        LayoutScanner.Scan scan = scan(repo);

        Map<String, JsonNode> files = files(scan);
        assertThat(files).containsOnlyKeys(".gitignore", "keep.log", "ignored-dir/tracked.txt", "new.txt",
                "src/Main.java");
        assertThat(files.get("keep.log").get("tracked").asBoolean()).isTrue();
        assertThat(files.get("new.txt").get("tracked").asBoolean()).isFalse();
        assertThat(scan.data().at("/summary/source").asString()).isEqualTo("git");
        assertThat(scan.data().at("/summary/untracked_files").asInt()).isEqualTo(1);
        assertThat(scan.errors()).isEmpty();
    }

    @Test
    void never_enters_git_internals() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            write(repo, "a.txt", "a\n");
            commitAll(git, "a");
        }
        Path plain = tmp.resolve("plain");
        write(plain, "a.txt", "a\n");
        write(plain, "sub/.git/config", "[core]\n");
        write(plain, "sub/b.txt", "b\n");

        assertThat(files(scan(repo))).containsOnlyKeys("a.txt");
        LayoutScanner.Scan plainScan = scan(plain);
        assertThat(files(plainScan)).containsOnlyKeys("a.txt", "sub/b.txt");
        assertThat(plainScan.data().at("/summary/source").asString()).isEqualTo("directory");
        assertThat(files(plainScan).get("a.txt").get("tracked").isNull()).isTrue();
    }

    @Test
    void symlinks_are_entries_with_a_target_kind_and_are_never_followed() throws Exception {
        Path outside = tmp.resolve("outside");
        write(outside, "secret.txt", "TOP-SECRET-VALUE\n");
        write(outside, "dir/inner.txt", "TOP-SECRET-VALUE\n");
        for (String mode : new String[] {"git", "plain"}) {
            Path repo = tmp.resolve("repo-" + mode);
            write(repo, "docs/guide.md", "# Guide\n");
            Files.createSymbolicLink(repo.resolve("out-file"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(repo.resolve("out-dir"), Path.of("..", "outside", "dir"));
            Files.createSymbolicLink(repo.resolve("docs-link"), Path.of("docs"));
            Files.createSymbolicLink(repo.resolve("guide-link"), Path.of("docs/guide.md"));
            Files.createSymbolicLink(repo.resolve("dangling"), Path.of("nothing-here"));
            if (mode.equals("git")) {
                try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
                    commitAll(git, "links");
                }
            }

            LayoutScanner.Scan scan = scan(repo);

            Map<String, JsonNode> files = files(scan);
            assertThat(files).as(mode).containsOnlyKeys("docs/guide.md", "out-file", "out-dir", "docs-link",
                    "guide-link", "dangling");
            assertThat(files.get("out-file").get("symlink_target_kind").asString()).isEqualTo("outside");
            assertThat(files.get("out-file").get("symlink_target").isNull()).isTrue();
            assertThat(files.get("out-dir").get("symlink_target_kind").asString()).isEqualTo("outside");
            assertThat(files.get("docs-link").get("symlink_target_kind").asString()).isEqualTo("directory");
            assertThat(files.get("docs-link").get("symlink_target").asString()).isEqualTo("docs");
            assertThat(files.get("guide-link").get("symlink_target_kind").asString()).isEqualTo("file");
            assertThat(files.get("dangling").get("symlink_target_kind").asString()).isEqualTo("missing");
            JsonNode link = files.get("out-file");
            String text = outside.resolve("secret.txt").toString();
            assertThat(link.get("is_symlink").asBoolean()).isTrue();
            assertThat(link.get("size_bytes").asLong()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
            assertThat(link.get("stable_fingerprint").asString()).isEqualTo(HexFormat.of().formatHex(
                    TextSink.sha256().digest(text.getBytes(StandardCharsets.UTF_8))));
            assertThat(link.get("line_count").isNull()).isTrue();
            assertThat(scan.data().toString()).doesNotContain("TOP-SECRET-VALUE").doesNotContain(outside.toString());
            assertThat(scan.data().at("/summary/symlinks").asInt()).isEqualTo(5);
        }
    }

    @Test
    void directories_carry_direct_and_recursive_counts_and_sizes() throws Exception {
        Path root = tmp.resolve("plain");
        write(root, "a.txt", "12345");
        write(root, "src/b.txt", "123");
        write(root, "src/deep/c.txt", "12");
        write(root, "src/deep/d.txt", "1");

        Map<String, JsonNode> dirs = directories(scan(root));

        assertThat(dirs).containsOnlyKeys("", "src", "src/deep");
        JsonNode rootDir = dirs.get("");
        assertThat(rootDir.get("directory_id").asString()).isEqualTo(CanonicalIds.directoryId(""));
        assertThat(rootDir.get("parent_id").isNull()).isTrue();
        assertThat(rootDir.get("depth").asInt()).isZero();
        assertThat(rootDir.get("file_count").asInt()).isEqualTo(1);
        assertThat(rootDir.get("total_size_bytes").asLong()).isEqualTo(5);
        assertThat(rootDir.get("recursive_file_count").asInt()).isEqualTo(4);
        assertThat(rootDir.get("recursive_size_bytes").asLong()).isEqualTo(11);
        JsonNode src = dirs.get("src");
        assertThat(src.get("parent_id").asString()).isEqualTo(CanonicalIds.directoryId(""));
        assertThat(src.get("file_count").asInt()).isEqualTo(1);
        assertThat(src.get("recursive_file_count").asInt()).isEqualTo(3);
        assertThat(src.get("recursive_size_bytes").asLong()).isEqualTo(6);
        assertThat(dirs.get("src/deep").get("depth").asInt()).isEqualTo(2);
        assertThat(dirs.get("src/deep").get("parent_id").asString()).isEqualTo(CanonicalIds.directoryId("src"));
    }

    @Test
    void a_tracked_file_missing_from_the_work_tree_is_a_recoverable_error() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            write(repo, "a.txt", "a\n");
            write(repo, "gone.txt", "b\n");
            commitAll(git, "two");
        }
        Files.delete(repo.resolve("gone.txt"));

        LayoutScanner.Scan scan = scan(repo);

        assertThat(files(scan)).containsOnlyKeys("a.txt");
        assertThat(scan.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("FILE_VANISHED");
            assertThat(e.file()).isEqualTo("gone.txt");
            assertThat(e.recoverable()).isTrue();
        });
    }

    @Test
    void invalid_encoding_is_reported_and_the_file_still_listed() throws Exception {
        Path root = tmp.resolve("plain");
        Files.createDirectories(root);
        Files.write(root.resolve("latin1.txt"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        LayoutScanner.Scan scan = scan(root);

        assertThat(files(scan).get("latin1.txt").get("line_count").asInt()).isEqualTo(1);
        assertThat(scan.errors()).extracting(ToolError::code).containsExactly("INVALID_ENCODING");
    }

    @Test
    void a_file_over_the_size_cap_is_listed_without_content_facts() throws Exception {
        Path root = tmp.resolve("plain");
        write(root, "big.txt", "x\n".repeat(10_000));
        write(root, "small.txt", "x\n");

        LayoutScanner.Scan scan = scanner(new ScanLimits(1000, ScanLimits.DEFAULT_MAX_FILE_TIME)).scan(root, () -> { });

        JsonNode big = files(scan).get("big.txt");
        assertThat(big.get("size_bytes").asLong()).isEqualTo(20_000);
        assertThat(big.get("line_count").isNull()).isTrue();
        assertThat(big.get("stable_fingerprint").isNull()).isTrue();
        assertThat(files(scan).get("small.txt").get("line_count").asInt()).isEqualTo(1);
        assertThat(scan.errors()).extracting(ToolError::code).containsExactly("FILE_TOO_LARGE");
        assertThat(scan.data().at("/summary/unread_files").asInt()).isEqualTo(1);
    }

    @Test
    void an_unreadable_file_is_a_recoverable_error_and_the_scan_goes_on() throws Exception {
        Path root = tmp.resolve("plain");
        write(root, "locked.txt", "secret\n");
        write(root, "open.txt", "fine\n");
        Files.setPosixFilePermissions(root.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(root.resolve("locked.txt")), "permissions do not apply to this user (root)");

        LayoutScanner.Scan scan = scan(root);

        JsonNode locked = files(scan).get("locked.txt");
        assertThat(locked.get("is_binary").isNull()).isTrue();
        assertThat(locked.get("stable_fingerprint").isNull()).isTrue();
        assertThat(files(scan).get("open.txt").get("line_count").asInt()).isEqualTo(1);
        assertThat(scan.errors()).extracting(ToolError::code).containsExactly("FILE_UNREADABLE");
    }

    @Test
    void language_and_category_come_from_names_shebangs_and_markers() throws Exception {
        Path root = tmp.resolve("plain");
        write(root, "bin/tool", "#!/usr/bin/env python3\nprint(1)\n");
        write(root, "gen/api.go", "// Code generated by x. DO NOT EDIT.\npackage api\n");
        write(root, "README.md", "# DO NOT EDIT this readme by hand\n");

        Map<String, JsonNode> files = files(scan(root));

        assertThat(files.get("bin/tool").get("language").asString()).isEqualTo("Python");
        assertThat(files.get("bin/tool").get("category").asString()).isEqualTo("source");
        assertThat(files.get("bin/tool").get("extension").isNull()).isTrue();
        assertThat(files.get("gen/api.go").get("category").asString()).isEqualTo("generated");
        assertThat(files.get("README.md").get("category").asString()).isEqualTo("docs");
        assertThat(files.get("README.md").get("extension").asString()).isEqualTo(".md");
        assertThat(files.get("README.md").get("file_id").asString()).isEqualTo(CanonicalIds.fileId("README.md"));
    }

    @Test
    void names_that_cannot_be_repo_paths_and_special_files_are_left_out_with_errors() throws Exception {
        Path root = tmp.resolve("plain");
        write(root, "ok.txt", "ok\n");
        write(root, "back\\slash.txt", "x\n");
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        LayoutScanner.Scan scan = scan(root);

        assertThat(files(scan)).containsOnlyKeys("ok.txt");
        assertThat(scan.errors()).extracting(ToolError::code).containsExactlyInAnyOrder("INVALID_PATH", "SPECIAL_FILE");
        assertThat(scan.data().at("/summary/skipped_special_files").asInt()).isEqualTo(1);
    }
}
