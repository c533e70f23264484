{{ config(materialized='view') }}
-- Logical coupling pairs of the git-history tool (code-maat thresholds applied by the tool).
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    coupled_file_id,
    coupled_path,
    shared_revisions,
    average_revisions,
    degree
FROM {{ source('landing', 'tool_git_history_coupling') }}
WHERE run_id = '{{ var("run_id") }}'
