package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.sot.models.DataTest;
import dev.vulcan.sot.models.DataTestResult;
import dev.vulcan.sot.models.Model;
import dev.vulcan.sot.models.ModelProject;
import dev.vulcan.sot.models.ModelResult;
import dev.vulcan.sot.models.ModelRunReport;
import dev.vulcan.sot.models.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRunnerTest {

    @TempDir
    Path tmp;

    private Path project(Map<String, String> files) throws IOException {
        Path root = tmp.resolve("project");
        Files.createDirectories(root);
        Files.writeString(root.resolve("dbt_project.yml"), "name: t\nversion: '1'\nconfig-version: 2\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return root;
    }

    @Test
    void builds_models_in_dependency_order_and_reports_a_failing_test_with_its_row_count() throws Exception {
        Path root = project(Map.of(
                "models/marts/z_total.sql", "{{ config(materialized='table') }}\nSELECT sum(n) AS total FROM {{ ref('b_doubled') }}",
                "models/intermediate/b_doubled.sql", "SELECT n * 2 AS n FROM {{ ref('y_numbers') }}",
                "models/staging/y_numbers.sql", "{{ config(materialized='table') }}\nSELECT * FROM range(1, 4) t(n)",
                "models/schema.yml", "version: 2\nmodels:\n  - name: b_doubled\n    columns:\n      - name: n\n"
                        + "        data_tests: [not_null, unique]\n",
                "tests/total_is_small.sql", "SELECT * FROM {{ ref('b_doubled') }} WHERE n > 4",
                "tests/total_is_twelve.sql", "SELECT * FROM {{ ref('z_total') }} WHERE total <> 12"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ModelRunReport report = sot.buildModels(java.util.UUID.randomUUID(), ModelProject.load(root));

            assertThat(report.models()).extracting(ModelResult::name).containsExactly("y_numbers", "b_doubled", "z_total");
            assertThat(report.models()).extracting(ModelResult::status).containsOnly(RunStatus.SUCCESS);
            assertThat(report.model("z_total").orElseThrow().rowCount()).isEqualTo(1);
            assertThat(report.test("not_null_b_doubled_n").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(report.test("unique_b_doubled_n").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(report.test("total_is_twelve").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            DataTestResult failing = report.test("total_is_small").orElseThrow();
            assertThat(failing.status()).isEqualTo(RunStatus.FAIL);
            assertThat(failing.failingRows()).isEqualTo(1);
            assertThat(failing.message()).contains("total_is_small").contains("1 failing row");
            assertThat(report.succeeded()).isFalse();
        }
    }

    @Test
    void a_failing_model_is_reported_and_its_dependents_are_skipped() throws Exception {
        Path root = project(Map.of(
                "models/staging/broken.sql", "SELECT * FROM no_such_table",
                "models/marts/after.sql", "SELECT * FROM {{ ref('broken') }}",
                "models/marts/independent.sql", "SELECT 1 AS one",
                "tests/after_empty.sql", "SELECT * FROM {{ ref('after') }}"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ModelRunReport report = sot.buildModels(java.util.UUID.randomUUID(), ModelProject.load(root));

            assertThat(report.model("broken").orElseThrow().status()).isEqualTo(RunStatus.ERROR);
            assertThat(report.model("broken").orElseThrow().message()).contains("model broken failed").contains("no_such_table");
            assertThat(report.model("after").orElseThrow().status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(report.model("independent").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(report.test("after_empty").orElseThrow().status()).isEqualTo(RunStatus.SKIPPED);
        }
    }

    @Test
    void models_build_side_by_side_once_their_references_are_built_and_report_in_project_order() throws Exception {
        Path root = project(Map.of(
                "models/staging/s_a.sql", "{{ config(materialized='table') }}\nSELECT * FROM range(0, 10) t(n)",
                "models/staging/s_b.sql", "{{ config(materialized='table') }}\nSELECT * FROM range(0, 20) t(n)",
                "models/staging/s_broken.sql", "SELECT * FROM no_such_table",
                "models/staging/s_c.sql", "SELECT 3 AS n",
                "models/marts/m_ab.sql", "{{ config(materialized='table') }}\nSELECT a.n FROM {{ ref('s_a') }} a"
                        + " JOIN {{ ref('s_b') }} b USING (n)",
                "models/marts/m_after_broken.sql", "SELECT * FROM {{ ref('s_a') }}, {{ ref('s_broken') }}",
                "models/marts/m_chain.sql", "{{ config(materialized='table') }}\nSELECT count(*) AS n"
                        + " FROM {{ ref('m_ab') }} JOIN {{ ref('s_c') }} c ON TRUE",
                "models/schema.yml", "version: 2\nmodels:\n  - name: m_ab\n    columns:\n      - name: n\n"
                        + "        data_tests: [not_null, unique]\n",
                "tests/ab_below_five.sql", "SELECT * FROM {{ ref('m_ab') }} WHERE n >= 5",
                "tests/after_broken_empty.sql", "SELECT * FROM {{ ref('m_after_broken') }}"));
        ModelProject project = ModelProject.load(root);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ModelRunReport report = sot.buildModels(java.util.UUID.randomUUID(), project);

            assertThat(report.models()).extracting(ModelResult::name)
                    .containsExactlyElementsOf(project.models().stream().map(Model::name).toList());
            assertThat(report.tests()).extracting(DataTestResult::name)
                    .containsExactlyElementsOf(project.tests().stream().map(DataTest::name).toList());
            assertThat(report.model("s_broken").orElseThrow().status()).isEqualTo(RunStatus.ERROR);
            assertThat(report.model("m_after_broken").orElseThrow().message())
                    .isEqualTo("skipped: upstream model s_broken was not built");
            assertThat(report.model("m_ab").orElseThrow().rowCount()).isEqualTo(10);
            assertThat(report.model("m_chain").orElseThrow().rowCount()).isEqualTo(1);
            assertThat(report.model("s_c").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(report.test("unique_m_ab_n").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(report.test("ab_below_five").orElseThrow().failingRows()).isEqualTo(5);
            assertThat(report.test("after_broken_empty").orElseThrow().message())
                    .isEqualTo("skipped: model m_after_broken was not built");
        }
    }

    @Test
    void rejects_reference_cycles_unknown_refs_and_unsupported_jinja() throws Exception {
        Path cycle = project(Map.of("models/staging/a.sql", "SELECT * FROM {{ ref('b') }}",
                "models/staging/b.sql", "SELECT * FROM {{ ref('a') }}"));
        assertThatThrownBy(() -> ModelProject.load(cycle)).hasMessageContaining("reference cycle among models [a, b]");
        Files.writeString(cycle.resolve("models/staging/b.sql"), "SELECT * FROM {{ ref('nothing') }}");
        assertThatThrownBy(() -> ModelProject.load(cycle)).hasMessageContaining("ref('nothing') names no model");
        Files.writeString(cycle.resolve("models/staging/b.sql"), "{% if x %}SELECT 1{% endif %}");
        assertThatThrownBy(() -> ModelProject.load(cycle)).hasMessageContaining("unsupported Jinja");
    }

    @Test
    void incremental_models_keep_every_run_and_replace_the_built_one() throws Exception {
        Path root = project(Map.of("models/marts/runs.sql",
                "{{ config(materialized='incremental', unique_key='run_id') }}\n"
                        + "SELECT '{{ var(\"run_id\") }}' AS run_id, 1 AS one"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ModelProject project = ModelProject.load(root);
            java.util.UUID first = java.util.UUID.randomUUID();
            sot.buildModels(first, project);
            sot.buildModels(java.util.UUID.randomUUID(), project);
            sot.buildModels(first, project);
            assertThat(sot.query("SELECT run_id, count(*) AS n FROM runs GROUP BY run_id")).hasSize(2)
                    .allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(1));
        }
    }

    @Test
    void an_incremental_model_that_gains_a_column_keeps_its_older_runs() throws Exception {
        Path root = project(Map.of("models/marts/runs.sql",
                "{{ config(materialized='incremental', unique_key='run_id') }}\n"
                        + "SELECT '{{ var(\"run_id\") }}' AS run_id, 1 AS one"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            java.util.UUID first = java.util.UUID.randomUUID();
            sot.buildModels(first, ModelProject.load(root));
            Files.writeString(root.resolve("models/marts/runs.sql"),
                    "{{ config(materialized='incremental', unique_key='run_id') }}\n"
                            + "SELECT '{{ var(\"run_id\") }}' AS run_id, 1 AS one, 2 AS two");
            java.util.UUID second = java.util.UUID.randomUUID();
            assertThat(sot.buildModels(second, ModelProject.load(root)).succeeded()).isTrue();
            assertThat(sot.query("SELECT run_id, two FROM runs ORDER BY two NULLS FIRST"))
                    .extracting(r -> r.get("run_id"), r -> r.get("two"))
                    .containsExactly(org.assertj.core.api.Assertions.tuple(first.toString(), null),
                            org.assertj.core.api.Assertions.tuple(second.toString(), 2));
        }
    }

    @Test
    void a_run_built_again_by_a_model_that_gained_a_column_is_replaced_with_the_column() throws Exception {
        Path root = project(Map.of("models/marts/runs.sql",
                "{{ config(materialized='incremental', unique_key='run_id') }}\n"
                        + "SELECT '{{ var(\"run_id\") }}' AS run_id, 1 AS one"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            java.util.UUID run = java.util.UUID.randomUUID();
            sot.buildModels(run, ModelProject.load(root));
            Files.writeString(root.resolve("models/marts/runs.sql"),
                    "{{ config(materialized='incremental', unique_key='run_id') }}\n"
                            + "SELECT '{{ var(\"run_id\") }}' AS run_id, 1 AS one, 2 AS two");

            assertThat(sot.buildModels(run, ModelProject.load(root)).succeeded()).isTrue();
            assertThat(sot.query("SELECT run_id, two FROM runs")).extracting(r -> r.get("run_id"), r -> r.get("two"))
                    .containsExactly(org.assertj.core.api.Assertions.tuple(run.toString(), 2));
        }
    }

    @Test
    void an_incremental_model_keyed_by_a_column_replaces_the_rows_of_the_keys_it_selects() throws Exception {
        Path root = project(Map.of("models/marts/files.sql",
                "{{ config(materialized='incremental', unique_key='file_id') }}\n"
                        + "SELECT * FROM (VALUES ('f-a', 1), ('f-b', 1)) t(file_id, version)"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.buildModels(java.util.UUID.randomUUID(), ModelProject.load(root));
            Files.writeString(root.resolve("models/marts/files.sql"),
                    "{{ config(materialized='incremental', unique_key='file_id') }}\n"
                            + "SELECT * FROM (VALUES ('f-b', 2, 'new'), ('f-c', 2, 'new')) t(file_id, version, note)");
            assertThat(sot.buildModels(java.util.UUID.randomUUID(), ModelProject.load(root)).succeeded()).isTrue();
            assertThat(sot.query("SELECT file_id, version, note FROM files ORDER BY file_id"))
                    .extracting(r -> r.get("file_id"), r -> ((Number) r.get("version")).intValue(), r -> r.get("note"))
                    .containsExactly(org.assertj.core.api.Assertions.tuple("f-a", 1, null),
                            org.assertj.core.api.Assertions.tuple("f-b", 2, "new"),
                            org.assertj.core.api.Assertions.tuple("f-c", 2, "new"));
        }
    }

    @Test
    void the_built_in_project_is_a_valid_dbt_layout_in_dependency_order() {
        ModelProject project = ModelProject.builtIn();
        List<String> names = project.models().stream().map(m -> m.name()).toList();
        assertThat(names).contains("stg_layout_files", "file_metrics", "directory_metrics", "language_summary",
                "rollup_loc_directory_recursive_distributions", "rollup_complexity_directory_direct_distributions");
        assertThat(names.indexOf("stg_layout_files")).isLessThan(names.indexOf("int_file_metrics"));
        assertThat(names.indexOf("int_file_metrics")).isLessThan(names.indexOf("file_metrics"));
        assertThat(names.indexOf("directory_metrics")).isLessThan(names.indexOf("rollup_loc_directory_direct_distributions"));
        assertThat(project.sources()).contains("landing.lz_layout_files", "landing.tool_loc_files");
        assertThat(project.tests()).extracting(t -> t.name()).contains(
                "directory_metrics_values_in_valid_ranges", "directory_metrics_recursive_not_fewer_than_direct",
                "relationships_file_metrics_file_id__file_id__stg_layout_files");
    }
}
