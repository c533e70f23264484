package dev.vulcan.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakefileDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void reads_targets_and_variables_through_includes() throws Exception {
        Files.writeString(dir.resolve("common.mk"), """
                .PHONY: analyze clean
                OUTPUT_PATH ?= ./output
                analyze: prepare
                \t@echo analyzing $(TOOL_NAME)
                prepare:
                clean:
                \trm -rf out
                """);
        Files.writeString(dir.resolve("Makefile"), "TOOL_NAME := demo\ninclude common.mk\n");

        MakefileDatabase db = MakefileDatabase.read(new ProcessRunner(dir), dir.resolve("Makefile"), Duration.ofSeconds(30));

        assertThat(db.target("analyze")).hasValueSatisfying(t -> {
            assertThat(t.prerequisites()).containsExactly("prepare");
            assertThat(t.recipe()).containsExactly("@echo analyzing $(TOOL_NAME)");
            assertThat(t.phony()).isTrue();
        });
        assertThat(db.target("prepare")).hasValueSatisfying(t -> assertThat(t.doesSomething()).isFalse());
        assertThat(db.target("evaluate")).isEmpty();
        assertThat(db.variables()).containsEntry("TOOL_NAME", "demo").containsEntry("OUTPUT_PATH", "./output");
    }

    @Test
    void does_not_mistake_a_comment_or_a_recipe_for_a_target() throws Exception {
        Files.writeString(dir.resolve("Makefile"), """
                # evaluate: is only mentioned in this comment
                test:
                \t@echo "evaluate: not a target either"
                """);

        MakefileDatabase db = MakefileDatabase.read(new ProcessRunner(dir), dir.resolve("Makefile"), Duration.ofSeconds(30));

        assertThat(db.targets()).containsOnlyKeys("test");
    }

    @Test
    void reports_a_missing_include_with_make_own_message() throws Exception {
        Files.writeString(dir.resolve("Makefile"), "include ../nowhere.mk\n");

        assertThatThrownBy(() -> MakefileDatabase.read(new ProcessRunner(dir), dir.resolve("Makefile"),
                Duration.ofSeconds(30)))
                .isInstanceOf(MakefileDatabase.MakefileException.class)
                .hasMessageStartingWith("make cannot read Makefile: exit 2")
                .hasMessageContaining("nowhere.mk");
    }
}
