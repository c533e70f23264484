{{ config(materialized='view') }}
-- The repository summary of the git-history tool (one row per run when the artifact has a summary).
SELECT
    run_id,
    repo_id,
    commit_count,
    merge_commit_count,
    author_count,
    active_authors,
    file_count,
    files_with_history,
    truck_factor,
    truck_factor_authors_json,
    orphaned_file_count,
    coupling_pair_count,
    first_commit_at,
    last_commit_at,
    recent_window_days,
    inactive_after_days,
    history_truncated
FROM {{ source('landing', 'tool_git_history_summary') }}
WHERE run_id = '{{ var("run_id") }}'
