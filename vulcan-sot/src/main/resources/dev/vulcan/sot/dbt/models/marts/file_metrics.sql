{{ config(materialized='incremental', unique_key='run_id') }}
-- Unified per-file metrics of every layout file (Appendix B.2 columns and source tracking). All categories are
-- kept (filter category = 'source' for B.2's exact scope); a metric without a source is NULL and its *_source
-- is NULL. LOC and complexity follow B.2's preference rules, churn comes from git-history (int_file_metrics);
-- a new source (coverage) joins there with its own *_source column. max_ccn, avg_ccn, total_ccn and
-- ccn_decision_points are the complexity tool's values, loc_complexity loc's estimate (the inputs of the
-- complexity rule and of METRIC_DISAGREEMENT_COMPLEXITY); ownership is the main author's share of added lines.
SELECT
    run_id,
    repo_id,
    file_id,
    relative_path,
    directory_id,
    filename,
    extension,
    language,
    category,
    size_bytes,
    is_binary,
    layout_line_count,
    loc,
    sloc,
    comment_lines,
    blank_lines,
    max_complexity,
    avg_complexity,
    function_count,
    max_ccn,
    avg_ccn,
    total_ccn,
    ccn_decision_points,
    loc_complexity,
    churn_count,
    churn_lines,
    unique_authors,
    main_author_share,
    main_author,
    ownership,
    fragmentation,
    last_commit_at,
    loc_source,
    complexity_source,
    churn_source
FROM {{ ref('int_file_metrics') }}
