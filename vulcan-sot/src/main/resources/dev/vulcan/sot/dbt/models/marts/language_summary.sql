{{ config(materialized='incremental', unique_key='run_id') }}
-- Per-language totals of a run; language is the layout's, 'unknown' when the layout has none.
SELECT
    run_id,
    any_value(repo_id) AS repo_id,
    coalesce(language, 'unknown') AS language,
    count(*) AS file_count,
    count(loc) AS files_with_loc,
    sum(loc) AS total_loc,
    sum(sloc) AS total_sloc,
    sum(comment_lines) AS total_comment_lines,
    sum(blank_lines) AS total_blank_lines,
    sum(size_bytes) AS total_size_bytes,
    avg(max_complexity) AS avg_complexity
FROM {{ ref('file_metrics') }}
WHERE run_id = '{{ var("run_id") }}'
GROUP BY run_id, coalesce(language, 'unknown')
