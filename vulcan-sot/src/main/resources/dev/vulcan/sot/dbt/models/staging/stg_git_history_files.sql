{{ config(materialized='view') }}
-- Per-file change history of the git-history tool.
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    revisions,
    lines_added,
    lines_deleted,
    churn,
    unique_authors,
    first_commit_at,
    last_commit_at,
    age_days,
    main_author,
    main_author_share,
    fragmentation,
    recent_revisions,
    orphaned,
    binary_revisions,
    ownership_basis,
    fractal_value,
    recent_lines_added,
    recent_lines_deleted,
    coupling_revisions
FROM {{ source('landing', 'tool_git_history_files') }}
WHERE run_id = '{{ var("run_id") }}'
