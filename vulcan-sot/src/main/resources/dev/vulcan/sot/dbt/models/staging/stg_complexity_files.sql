{{ config(materialized='view') }}
-- Per-file function metrics of the complexity tool (lizard-style: nloc, function count, max/avg CCN).
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    language,
    nloc,
    function_count,
    max_ccn,
    avg_ccn,
    parse_error_count
FROM {{ source('landing', 'tool_complexity_files') }}
WHERE run_id = '{{ var("run_id") }}'
