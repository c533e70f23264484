{{ config(materialized='view') }}
-- Authors of the git-history tool (after .mailmap; keyed hashes when the run anonymized them).
SELECT
    run_id,
    repo_id,
    name,
    commits,
    lines_added,
    lines_deleted,
    files_touched,
    files_authored,
    first_commit_at,
    last_commit_at,
    active,
    gone
FROM {{ source('landing', 'tool_git_history_authors') }}
WHERE run_id = '{{ var("run_id") }}'
