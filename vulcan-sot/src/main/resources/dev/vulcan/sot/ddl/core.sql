-- Core tables of the Vulcan source of truth. Every statement is idempotent; SourceOfTruth.open runs them all.
-- Timestamps are UTC, stored as TIMESTAMP. Tool landing tables (lz_layout_*, tool_<name>_*) are declared by
-- the adapters' landing contracts (dev.vulcan.sot.internal.adapter), not here.

CREATE SEQUENCE IF NOT EXISTS lz_run_pk_seq START 1;

-- One row per landed tool execution (architecture proposal 3.1, "Layout Scanner DuckDB Schema").
CREATE TABLE IF NOT EXISTS lz_tool_runs (
    run_pk BIGINT NOT NULL PRIMARY KEY,
    repo_id UUID NOT NULL,
    run_id UUID NOT NULL,
    tool_name VARCHAR NOT NULL,
    tool_version VARCHAR NOT NULL,
    schema_version VARCHAR NOT NULL,
    adapter VARCHAR NOT NULL,
    branch VARCHAR NOT NULL,
    commit VARCHAR NOT NULL,
    timestamp TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    files_analyzed INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    duration_seconds DOUBLE,
    output_sha256 VARCHAR,
    created_at TIMESTAMP NOT NULL
);

-- Every import attempt and its outcome, rejected ones included (what flags and run records read).
CREATE TABLE IF NOT EXISTS sot_import_log (
    run_id UUID NOT NULL,
    repo_id UUID NOT NULL,
    commit VARCHAR NOT NULL,
    tool_name VARCHAR NOT NULL,
    schema_version VARCHAR,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    row_count BIGINT NOT NULL,
    imported_at TIMESTAMP NOT NULL
);

-- Landing-check violations (validation point 2).
CREATE TABLE IF NOT EXISTS data_quality_issues (
    run_id UUID NOT NULL,
    repo_id UUID NOT NULL,
    tool_name VARCHAR NOT NULL,
    check_name VARCHAR NOT NULL,
    dimension VARCHAR NOT NULL,
    violation_count BIGINT NOT NULL,
    samples VARCHAR[] NOT NULL,
    description VARCHAR NOT NULL,
    detected_at TIMESTAMP NOT NULL
);

-- Per-tool quality scores (architecture proposal 3.5).
CREATE TABLE IF NOT EXISTS tool_quality_scores (
    run_id UUID NOT NULL,
    repo_id UUID NOT NULL,
    tool_name VARCHAR NOT NULL,
    completeness DOUBLE NOT NULL,
    validity DOUBLE NOT NULL,
    consistency DOUBLE NOT NULL,
    timeliness DOUBLE NOT NULL,
    overall DOUBLE NOT NULL,
    computed_at TIMESTAMP NOT NULL
);

-- Collection runs (Appendix D.5), written by the orchestrator through SourceOfTruth.startRun/completeRun.
CREATE TABLE IF NOT EXISTS collection_runs (
    run_id UUID NOT NULL PRIMARY KEY,
    repo_id UUID NOT NULL,
    branch VARCHAR NOT NULL,
    commit VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    status VARCHAR NOT NULL,
    tools_total INTEGER,
    tools_succeeded INTEGER,
    tools_failed INTEGER,
    duration_seconds DOUBLE
);

-- Decision flags, each also kept as its JSON form valid against https://vulcan.dev/schemas/decision-flag/v1.json.
CREATE TABLE IF NOT EXISTS decision_flags (
    run_id UUID NOT NULL,
    repo_id UUID NOT NULL,
    flag_code VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    decision_label VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    triggered_by VARCHAR NOT NULL,
    evidence_refs VARCHAR[] NOT NULL,
    threshold_value DOUBLE,
    actual_value DOUBLE,
    flag_json VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Epistemic claims, each also kept as its JSON form valid against https://vulcan.dev/schemas/epistemic-claim/v1.json.
CREATE TABLE IF NOT EXISTS epistemic_claims (
    run_id UUID NOT NULL,
    claim_id VARCHAR NOT NULL,
    claim_type VARCHAR NOT NULL,
    statement VARCHAR NOT NULL,
    evidence_refs VARCHAR[] NOT NULL,
    confidence DOUBLE,
    claim_json VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Appendix D.5 "Latest Run for Repository": the most recent completed run of each repository.
CREATE OR REPLACE VIEW latest_completed_runs AS
SELECT run_id, repo_id, branch, commit, started_at, completed_at, status, tools_succeeded, tools_failed
FROM (
    SELECT *, row_number() OVER (PARTITION BY repo_id ORDER BY completed_at DESC, run_id) AS recency
    FROM collection_runs
    WHERE status = 'completed'
)
WHERE recency = 1;

-- Appendix D.5 "Incremental Analysis Baseline Lookup": for every run, the latest run of the same repository
-- and branch that completed before it started (NULL columns when there is none).
CREATE OR REPLACE VIEW run_incremental_baselines AS
SELECT cr.run_id, cr.repo_id, cr.branch, cr.commit,
       b.run_id AS baseline_run_id, b.commit AS baseline_commit, b.completed_at AS baseline_completed_at
FROM collection_runs cr
LEFT JOIN (
    SELECT c.run_id AS for_run_id, p.run_id, p.commit, p.completed_at,
           row_number() OVER (PARTITION BY c.run_id ORDER BY p.completed_at DESC, p.run_id) AS recency
    FROM collection_runs c
    JOIN collection_runs p
      ON p.repo_id = c.repo_id AND p.branch = c.branch AND p.status = 'completed'
     AND p.completed_at < c.started_at AND p.run_id <> c.run_id
) b ON b.for_run_id = cr.run_id AND b.recency = 1;

-- Landing rows exported to cold storage and deleted by SourceOfTruth.applyRetention (architecture proposal 3.7).
CREATE TABLE IF NOT EXISTS sot_retention_log (
    run_id UUID NOT NULL,
    repo_id UUID NOT NULL,
    tool_name VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    row_count BIGINT NOT NULL,
    parquet_file VARCHAR NOT NULL,
    archived_at TIMESTAMP NOT NULL
);
