package dev.vulcan.tool.githistory;

import static dev.vulcan.tool.githistory.Histories.analyze;
import static dev.vulcan.tool.githistory.Histories.author;
import static dev.vulcan.tool.githistory.Histories.day;
import static dev.vulcan.tool.githistory.Histories.file;
import static dev.vulcan.tool.githistory.Histories.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.tool.githistory.internal.ScriptedRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GitHistoryToolTest {

    @TempDir
    Path tmp;

    private Path repo() {
        return tmp.resolve("repo");
    }

    private Path out() {
        return tmp.resolve("out");
    }

    @Test
    void follows_renames_to_the_current_path() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", lines(1, 3)).commit("Alice", "alice@example.com", day("2024-01-01"), "add");
            r.write("a.txt", "line 1\nline two\nline 3\n").commit("Bob", "bob@example.com", day("2024-02-01"), "edit");
            r.rename("a.txt", "src/b.txt").commit("Alice", "alice@example.com", day("2024-03-01"), "move");
            r.write("src/b.txt", "line 1\nline two\nline 3\nline 4\nline 5\n")
                    .commit("Bob", "bob@example.com", day("2024-04-01"), "grow");
        }
        ToolResult result = analyze(repo(), out());
        JsonNode b = file(result.data(), "src/b.txt");

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("files")).hasSize(1);
        assertThat(b.get("revisions").intValue()).isEqualTo(4);
        assertThat(b.get("lines_added").intValue()).isEqualTo(6);
        assertThat(b.get("lines_deleted").intValue()).isEqualTo(1);
        assertThat(b.get("churn").intValue()).isEqualTo(7);
        assertThat(b.get("unique_authors").intValue()).isEqualTo(2);
        assertThat(b.get("first_commit_at").asString()).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(b.get("last_commit_at").asString()).isEqualTo("2024-04-01T12:00:00Z");
        assertThat(b.get("previous_paths").get(0).asString()).isEqualTo("a.txt");
        assertThat(b.get("main_author").asString()).isEqualTo("Alice");
        assertThat(b.get("main_author_share").doubleValue()).isEqualTo(0.5);
        assertThat(b.get("ownership_basis").asString()).isEqualTo("lines_added");
        assertThat(b.get("fragmentation").doubleValue()).isEqualTo(0.5);
        assertThat(b.get("fractal_value").doubleValue()).isEqualTo(0.5);
        assertThat(b.get("age_days").intValue()).isZero();
        assertThat(b.get("file_id").asString()).isEqualTo(dev.vulcan.core.ids.CanonicalIds.fileId("src/b.txt"));
    }

    @Test
    void counts_merged_work_once_and_follows_a_rename_made_on_a_branch() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", lines(1, 4)).write("x.txt", "x\n")
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "start");
            r.branch("feature");
            r.rename("a.txt", "b.txt").commit("Dave", "dave@example.com", day("2024-01-10"), "rename");
            r.write("b.txt", lines(1, 5)).commit("Dave", "dave@example.com", day("2024-01-11"), "grow");
            r.checkout("main");
            r.write("x.txt", "x\ny\n").commit("Alice", "alice@example.com", day("2024-01-12"), "main work");
            r.merge("feature").commit("Erin", "erin@example.com", day("2024-01-15"), "merge feature");
        }
        ToolResult result = analyze(repo(), out());
        JsonNode data = result.data();

        assertThat(result.errors()).isEmpty();
        assertThat(data.at("/summary/commit_count").intValue()).isEqualTo(5);
        assertThat(data.at("/summary/merge_commit_count").intValue()).isEqualTo(1);
        JsonNode b = file(data, "b.txt");
        assertThat(b.get("revisions").intValue()).isEqualTo(3);
        assertThat(b.get("lines_added").intValue()).isEqualTo(5);
        assertThat(b.get("previous_paths").get(0).asString()).isEqualTo("a.txt");
        assertThat(file(data, "x.txt").get("revisions").intValue()).isEqualTo(2);
        assertThat(file(data, "x.txt").get("lines_added").intValue()).isEqualTo(2);
        JsonNode erin = author(data, "Erin");
        assertThat(erin.get("commits").intValue()).isEqualTo(1);
        assertThat(erin.get("lines_added").intValue()).isZero();
        assertThat(erin.get("files_touched").intValue()).isZero();
        assertThat(author(data, "Dave").get("lines_added").intValue()).isEqualTo(1);
    }

    @Test
    void starts_a_new_history_when_a_deleted_path_is_created_again() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", lines(1, 3)).write("keep.txt", "k\n")
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "add");
            r.delete("a.txt").commit("Bob", "bob@example.com", day("2024-01-02"), "delete");
            r.write("a.txt", "new\n").commit("Carol", "carol@example.com", day("2024-01-03"), "re-create");
        }
        JsonNode data = analyze(repo(), out()).data();
        JsonNode a = file(data, "a.txt");

        assertThat(a.get("revisions").intValue()).isEqualTo(1);
        assertThat(a.get("first_commit_at").asString()).isEqualTo("2024-01-03T12:00:00Z");
        assertThat(a.get("main_author").asString()).isEqualTo("Carol");
        assertThat(author(data, "Bob").get("lines_deleted").intValue()).isEqualTo(3);
    }

    @Test
    void merges_an_author_with_two_emails_through_the_mailmap() throws Exception {
        buildMailmapHistory(true);
        JsonNode data = analyze(repo(), out()).data();

        assertThat(data.get("authors")).hasSize(1);
        JsonNode carol = author(data, "Carol Jones");
        assertThat(carol.get("commits").intValue()).isEqualTo(3);
        // a.txt: 2 + 1 lines; .mailmap: 3 lines
        assertThat(carol.get("lines_added").intValue()).isEqualTo(6);
        assertThat(carol.has("email")).isFalse();
        assertThat(data.at("/summary/mailmap_entries").intValue()).isEqualTo(2);
        assertThat(file(data, "a.txt").get("unique_authors").intValue()).isEqualTo(1);
        assertThat(Json.mapper().writeValueAsString(data)).doesNotContain("@");
    }

    @Test
    void keeps_two_emails_apart_without_a_mailmap() throws Exception {
        buildMailmapHistory(false);
        JsonNode data = analyze(repo(), out()).data();

        assertThat(data.get("authors")).hasSize(2);
        assertThat(file(data, "a.txt").get("unique_authors").intValue()).isEqualTo(2);
    }

    @Test
    void writes_emails_only_when_asked() throws Exception {
        buildMailmapHistory(true);
        ObjectNode options = Json.object();
        options.put("emit_emails", true);
        JsonNode data = analyze(repo(), options, out()).data();

        assertThat(author(data, "Carol Jones").get("email").asString()).isEqualTo("carol@new.example");
    }

    private void buildMailmapHistory(boolean withMailmap) throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", lines(1, 2)).commit("Carol", "carol@old.example", day("2024-01-01"), "one");
            r.write("a.txt", lines(1, 3)).commit("Carol J.", "carol@new.example", day("2024-02-01"), "two");
            if (withMailmap) {
                r.write(".mailmap", "# canonical identities\nCarol Jones <carol@new.example>\n"
                        + "Carol Jones <carol@new.example> <CAROL@old.example>\n");
            } else {
                r.write("b.txt", "b\n");
            }
            r.commit("Carol", "carol@old.example", day("2024-03-01"), "three");
        }
    }

    @Test
    void cuts_an_email_used_as_a_name_to_its_local_part() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", "a\n").commit("jdoe@corp.example", "jdoe@corp.example", day("2024-01-01"), "one");
        }
        JsonNode data = analyze(repo(), out()).data();

        assertThat(names(data.get("authors"))).containsExactly("jdoe");
        assertThat(Json.mapper().writeValueAsString(data)).doesNotContain("@");
    }

    @Test
    void computes_coupling_degree_as_code_maat_and_leaves_out_large_commits() throws Exception {
        buildCouplingHistory();
        JsonNode data = analyze(repo(), out()).data();

        assertThat(data.get("coupling")).hasSize(1);
        JsonNode pair = data.get("coupling").get(0);
        assertThat(pair.get("path").asString()).isEqualTo("A.java");
        assertThat(pair.get("coupled_path").asString()).isEqualTo("B.java");
        assertThat(pair.get("shared_revisions").intValue()).isEqualTo(6);
        assertThat(pair.get("average_revisions").doubleValue()).isEqualTo(7.0);
        assertThat(pair.get("degree").intValue()).isEqualTo(85);
        JsonNode a = file(data, "A.java");
        assertThat(a.get("revisions").intValue()).isEqualTo(9);
        assertThat(a.get("coupling_revisions").intValue()).isEqualTo(8);
        assertThat(data.at("/summary/coupling_pair_count").intValue()).isEqualTo(1);
    }

    @Test
    void applies_configured_coupling_thresholds() throws Exception {
        buildCouplingHistory();
        ObjectNode options = Json.object();
        options.put("min_revisions", 1);
        options.put("min_shared_revisions", 1);
        options.put("min_coupling", 25);
        JsonNode data = analyze(repo(), options, out()).data();

        // A-B 6/7 = 85 %, B-C 1/3.5 = 28.6 % pass; A-C 1/4.5 = 22.2 % does not.
        assertThat(data.get("coupling")).hasSize(2);
        JsonNode bc = data.get("coupling").get(1);
        assertThat(bc.get("path").asString()).isEqualTo("B.java");
        assertThat(bc.get("coupled_path").asString()).isEqualTo("C.java");
        assertThat(bc.get("degree").intValue()).isEqualTo(28);
        assertThat(bc.get("average_revisions").doubleValue()).isEqualTo(3.5);
    }

    private void buildCouplingHistory() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("A.java", "a0\n").write("B.java", "b0\n").write("C.java", "c0\n")
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "start");
            for (int i = 1; i <= 5; i++) {
                r.write("A.java", "a" + i + "\n").write("B.java", "b" + i + "\n")
                        .commit("Alice", "alice@example.com", day("2024-01-0" + (i + 1)), "together " + i);
            }
            r.write("A.java", "a6\n").commit("Alice", "alice@example.com", day("2024-01-10"), "alone 1");
            r.write("A.java", "a7\n").commit("Alice", "alice@example.com", day("2024-01-11"), "alone 2");
            r.write("A.java", "a8\n").write("B.java", "b8\n");
            for (int i = 0; i < 29; i++) {
                r.write("gen/G" + i + ".java", "g\n");
            }
            r.commit("Alice", "alice@example.com", day("2024-01-12"), "large commit of 31 files");
        }
    }

    @Test
    void computes_the_truck_factor_and_orphaned_files_of_a_hand_counted_history() throws Exception {
        buildKnowledgeHistory();
        JsonNode data = analyze(repo(), out()).data();

        assertThat(names(file(data, "f1.txt").get("doa_authors"))).containsExactly("Alice");
        assertThat(names(file(data, "f2.txt").get("doa_authors"))).containsExactly("Alice", "Bob");
        assertThat(names(file(data, "f3.txt").get("doa_authors"))).containsExactly("Bob");
        assertThat(names(file(data, "f4.txt").get("doa_authors"))).containsExactly("Carl");
        assertThat(data.at("/summary/truck_factor").intValue()).isEqualTo(2);
        assertThat(names(data.at("/summary/truck_factor_authors"))).containsExactly("Alice", "Bob");
        assertThat(data.at("/summary/orphaned_file_count").intValue()).isEqualTo(1);
        assertThat(data.get("orphaned_files").get(0).get("path").asString()).isEqualTo("f4.txt");
        assertThat(file(data, "f4.txt").get("orphaned").booleanValue()).isTrue();
        assertThat(author(data, "Carl").get("gone").booleanValue()).isTrue();
        assertThat(author(data, "Alice").get("files_authored").intValue()).isEqualTo(2);
    }

    @Test
    void measures_the_recent_window_from_the_analyzed_commit_time() throws Exception {
        buildKnowledgeHistory();
        JsonNode data = analyze(repo(), out()).data();

        assertThat(data.at("/summary/reference_time").asString()).isEqualTo("2025-03-02T12:00:00Z");
        assertThat(data.at("/summary/reference_time_source").asString()).isEqualTo("analyzed_commit");
        assertThat(data.at("/summary/active_authors").intValue()).isEqualTo(2);
        JsonNode f1 = file(data, "f1.txt");
        assertThat(f1.get("revisions").intValue()).isEqualTo(4);
        assertThat(f1.get("recent_revisions").intValue()).isEqualTo(1);
        assertThat(f1.get("recent_lines_added").intValue()).isEqualTo(1);
        assertThat(file(data, "f4.txt").get("age_days").intValue()).isEqualTo(416);
        assertThat(file(data, "f4.txt").get("recent_revisions").intValue()).isZero();
        JsonNode months = data.at("/summary/commits_per_month");
        assertThat(months).hasSize(15);
        assertThat(months.get(0).get("month").asString()).isEqualTo("2024-01");
        assertThat(months.get(0).get("commits").intValue()).isEqualTo(11);
        assertThat(months.get(1).get("commits").intValue()).isZero();
        assertThat(months.get(14).get("month").asString()).isEqualTo("2025-03");
        assertThat(months.get(14).get("commits").intValue()).isEqualTo(2);
    }

    @Test
    void measures_the_recent_window_from_a_configured_reference_time() throws Exception {
        buildKnowledgeHistory();
        ObjectNode options = Json.object();
        options.put("reference_time", "2025-06-15T12:00:00Z");
        options.put("recent_window_days", 30);
        JsonNode data = analyze(repo(), options, out()).data();

        assertThat(data.at("/summary/reference_time_source").asString()).isEqualTo("configured");
        assertThat(data.at("/summary/active_authors").intValue()).isZero();
        assertThat(file(data, "f1.txt").get("recent_revisions").intValue()).isZero();
        assertThat(file(data, "f1.txt").get("age_days").intValue()).isEqualTo(106);
    }

    private void buildKnowledgeHistory() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("f1.txt", "1\n").write("f2.txt", "1\n")
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "c1");
            r.write("f1.txt", lines(1, 2)).commit("Alice", "alice@example.com", day("2024-01-02"), "c2");
            r.write("f1.txt", lines(1, 3)).commit("Alice", "alice@example.com", day("2024-01-03"), "c3");
            for (int i = 4; i <= 8; i++) {
                r.write("f2.txt", lines(1, i)).commit("Bob", "bob@example.com", day("2024-01-0" + i), "c" + i);
            }
            r.write("f3.txt", "1\n").commit("Bob", "bob@example.com", day("2024-01-09"), "c9");
            r.write("f4.txt", "1\n").commit("Carl", "carl@example.com", day("2024-01-10"), "c10");
            r.write("f4.txt", lines(1, 2)).commit("Alice", "alice@example.com", day("2024-01-11"), "c11");
            r.write("f1.txt", lines(1, 4)).commit("Alice", "alice@example.com", day("2025-03-01"), "c12");
            r.write("f3.txt", lines(1, 2)).commit("Bob", "bob@example.com", day("2025-03-02"), "c13");
        }
    }

    @Test
    void anonymizes_authors_with_a_stable_keyed_hash() throws Exception {
        buildMailmapHistory(true);
        ObjectNode options = Json.object();
        options.put("anonymize_authors", true);
        options.put("anonymization_key", "secret");
        JsonNode first = analyze(repo(), options, out()).data();
        JsonNode second = analyze(repo(), options, out()).data();

        String name = first.get("authors").get(0).get("name").asString();
        assertThat(name).matches("anon-[0-9a-f]{16}");
        assertThat(file(first, "a.txt").get("main_author").asString()).isEqualTo(name);
        assertThat(second.get("authors").get(0).get("name").asString()).isEqualTo(name);
        String text = Json.mapper().writeValueAsString(first);
        assertThat(text).doesNotContain("@").doesNotContain("Carol");
    }

    @Test
    void anonymizes_with_a_random_key_consistent_within_one_run() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.write("a.txt", "a\n").commit("Alice", "alice@example.com", day("2024-01-01"), "one");
            r.write("b.txt", "b\n").commit("Bob", "bob@example.com", day("2024-01-02"), "two");
            r.write("a.txt", "a\nb\n").commit("Alice", "alice@example.com", day("2024-01-03"), "three");
        }
        ObjectNode options = Json.object();
        options.put("anonymize_authors", true);
        JsonNode first = analyze(repo(), options, out()).data();
        JsonNode second = analyze(repo(), options, out()).data();

        List<String> firstNames = names(first.get("authors"));
        assertThat(firstNames).hasSize(2).doesNotHaveDuplicates();
        assertThat(firstNames).contains(file(first, "a.txt").get("main_author").asString(),
                file(first, "b.txt").get("main_author").asString());
        assertThat(names(second.get("authors"))).doesNotContainAnyElementsOf(firstNames);
    }

    @Test
    void counts_binary_files_without_line_diffs() throws Exception {
        try (ScriptedRepo r = ScriptedRepo.init(repo())) {
            r.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2})
                    .commit("Alice", "alice@example.com", day("2024-01-01"), "logo");
            r.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 3, 4, 5})
                    .commit("Bob", "bob@example.com", day("2024-01-02"), "new logo");
            r.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 6})
                    .commit("Bob", "bob@example.com", day("2024-01-03"), "newer logo");
        }
        JsonNode png = file(analyze(repo(), out()).data(), "logo.png");

        assertThat(png.get("revisions").intValue()).isEqualTo(3);
        assertThat(png.get("binary_revisions").intValue()).isEqualTo(3);
        assertThat(png.get("lines_added").intValue()).isZero();
        assertThat(png.get("ownership_basis").asString()).isEqualTo("revisions");
        assertThat(png.get("main_author").asString()).isEqualTo("Bob");
        assertThat(png.get("main_author_share").doubleValue()).isEqualTo(0.666667);
    }

    @Test
    void stops_at_max_commits_and_says_so() throws Exception {
        buildKnowledgeHistory();
        ObjectNode options = Json.object();
        options.put("max_commits", 3);
        ToolResult result = analyze(repo(), options, out());

        assertThat(result.data().at("/summary/commit_count").intValue()).isEqualTo(3);
        assertThat(result.data().at("/summary/history_truncated").booleanValue()).isTrue();
        assertThat(codes(result.errors())).containsExactly("HISTORY_TRUNCATED");
    }

    @Test
    void rejects_unknown_and_contradictory_options() {
        ObjectNode unknown = Json.object();
        unknown.put("max_comits", 3);
        ObjectNode contradictory = Json.object();
        contradictory.put("anonymize_authors", true);
        contradictory.put("emit_emails", true);
        ObjectNode wrongType = Json.object();
        wrongType.put("recent_window_days", "90");

        assertThatThrownBy(() -> GitHistoryOptions.fromToolSpecific(unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_comits");
        assertThatThrownBy(() -> GitHistoryOptions.fromToolSpecific(contradictory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emit_emails");
        assertThatThrownBy(() -> GitHistoryOptions.fromToolSpecific(wrongType))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recent_window_days");
    }

    @Test
    void gives_the_same_output_for_the_same_commit() throws Exception {
        buildKnowledgeHistory();
        JsonNode first = analyze(repo(), out()).data();
        JsonNode second = analyze(repo(), out()).data();

        assertThat(Json.mapper().writeValueAsString(second)).isEqualTo(Json.mapper().writeValueAsString(first));
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.isObject() ? n.get("name").asString() : n.asString()));
        return names;
    }

    static List<String> codes(List<ToolError> errors) {
        return errors.stream().map(ToolError::code).toList();
    }
}
