package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.severity.Severity;
import dev.vulcan.sot.flags.ClaimType;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.DecisionLabel;
import dev.vulcan.sot.flags.EpistemicClaim;
import dev.vulcan.sot.flags.FlagCode;
import dev.vulcan.sot.flags.FlagSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsAndClaimsTest {

    @TempDir
    Path tmp;

    @Test
    void a_complete_consistent_run_raises_no_flag_and_yields_valid_claims() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            sot.buildModels(run.runId);
            assertThat(sot.flags(run.runId)).isEmpty();

            List<EpistemicClaim> claims = sot.claims(run.runId);
            assertThat(claims).extracting(EpistemicClaim::type)
                    .containsExactly(ClaimType.FACT, ClaimType.FACT, ClaimType.DERIVED);
            assertThat(claims.get(0).statement()).startsWith("The repository holds 5 files in 4 directories");
            assertThat(claims.get(1).statement()).isEqualTo("loc counted 180 lines in 4 files.");
            EpistemicClaim dominant = claims.get(2);
            assertThat(dominant.statement()).isEqualTo("Python is the dominant language with 83.3% of the counted lines.");
            assertThat(dominant.confidence()).isEqualTo(4 / 5.0);
            for (EpistemicClaim claim : claims) {
                assertThat(SchemaValidator.shared().validate(VulcanSchemas.EPISTEMIC_CLAIM, claim.toJson())).isEmpty();
            }
            assertThat(sot.query("SELECT count(*) AS n FROM epistemic_claims WHERE run_id = ?", run.runId).get(0).get("n"))
                    .isEqualTo(3L);
        }
    }

    @Test
    void low_coverage_and_loc_disagreement_are_flagged_with_evidence() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(List.of(
                new TestRun.LayoutFile("a.py", "Python", "source", 100L),
                new TestRun.LayoutFile("b.py", "Python", "source", 100L),
                new TestRun.LayoutFile("c.py", "Python", "source", 100L)));
        run.writeLoc(List.of(new TestRun.LocFile("a.py", 200, 200, 0, 0, 1L)));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            sot.buildModels(run.runId);
            List<DecisionFlag> flags = sot.flags(run.runId);

            assertThat(flags).extracting(DecisionFlag::code)
                    .containsExactly(FlagCode.LOW_FILE_COVERAGE, FlagCode.METRIC_DISAGREEMENT_LOC);
            DecisionFlag coverage = flags.get(0);
            assertThat(coverage.actualValue()).isEqualTo(1 / 3.0);
            assertThat(coverage.thresholdValue()).isEqualTo(0.85);
            assertThat(coverage.severity()).isEqualTo(Severity.MEDIUM);
            DecisionFlag disagreement = flags.get(1);
            assertThat(disagreement.actualValue()).isEqualTo(0.5);
            assertThat(disagreement.evidenceRefs()).contains("tool:loc", "tool:layout-scanner",
                    "file_id:" + dev.vulcan.core.ids.CanonicalIds.fileId("a.py"));
            for (DecisionFlag flag : flags) {
                assertThat(SchemaValidator.shared().validate(VulcanSchemas.DECISION_FLAG, flag.toJson())).isEmpty();
            }
            List<Map<String, Object>> stored = sot.query("SELECT flag_code, flag_json FROM decision_flags WHERE run_id = ?"
                    + " ORDER BY flag_code", run.runId);
            assertThat(stored).hasSize(2);
            assertThat(Json.parse(((String) stored.get(0).get("flag_json")).getBytes(), "flag").get("flag_code").asString())
                    .isEqualTo("LOW_FILE_COVERAGE");

            assertThat(sot.flags(run.runId, new FlagSettings(0.30, 0.60, Set.of(), 3))).isEmpty();
        }
    }

    @Test
    void a_missing_layout_and_missing_critical_tools_are_flagged() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLoc(TestRun.sampleLoc());
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            sot.buildModels(run.runId);
            List<DecisionFlag> flags = sot.flags(run.runId,
                    new FlagSettings(0.85, 0.2, Set.of("layout-scanner", "complexity", "git-history", "loc"), 3));

            assertThat(flags).extracting(DecisionFlag::code)
                    .containsExactly(FlagCode.INCOMPLETE_LAYOUT, FlagCode.INCOMPLETE_TOOL_SET);
            assertThat(flags.get(0).label()).isEqualTo(DecisionLabel.RED_FLAG);
            assertThat(flags.get(0).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(flags.get(0).description()).contains("no layout-scanner artifact was found");
            assertThat(flags.get(1).actualValue()).isEqualTo(3.0);
            assertThat(flags.get(1).evidenceRefs()).containsExactly("tool:complexity", "tool:git-history",
                    "tool:layout-scanner");
        }
    }

    @Test
    void records_collection_runs_and_answers_latest_and_baseline_queries() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        TestRun first = new TestRun(out);
        first.writeLayout(TestRun.sampleLayout());
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
            CollectionRun started = sot.startRun(first.runId, first.repoId, "main", TestRun.COMMIT, t0);
            assertThat(started.status()).isEqualTo(CollectionRunStatus.RUNNING);
            sot.importRun(first.request(false));
            CollectionRun done = sot.completeRun(first.runId, CollectionRunStatus.COMPLETED, t0.plusSeconds(90));
            assertThat(done.toolsTotal()).isEqualTo(1);
            assertThat(done.toolsSucceeded()).isEqualTo(1);
            assertThat(done.toolsFailed()).isZero();
            assertThat(done.durationSeconds()).isEqualTo(90.0);
            assertThat(done.completedAt()).isEqualTo(t0.plusSeconds(90));

            java.util.UUID second = java.util.UUID.randomUUID();
            sot.startRun(second, first.repoId, "main", "1111111111111111111111111111111111111111", t0.plusSeconds(3600));
            assertThat(sot.latestCompletedRun(first.repoId).orElseThrow().runId()).isEqualTo(first.runId);
            assertThat(sot.incrementalBaseline(second).orElseThrow().runId()).isEqualTo(first.runId);
            assertThat(sot.incrementalBaseline(first.runId)).isEmpty();
        }
    }

    @Test
    void unbuilt_marts_count_as_no_coverage_and_unknown_runs_are_refused() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            List<DecisionFlag> flags = sot.flags(run.runId);
            assertThat(flags).extracting(DecisionFlag::code).containsExactly(FlagCode.LOW_FILE_COVERAGE);
            assertThat(flags.get(0).actualValue()).isZero();

            java.util.UUID unknown = java.util.UUID.randomUUID();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sot.flags(unknown))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown run " + unknown);
            assertThat(sot.claims(unknown)).isEmpty();
        }
    }
}
