{{ config(materialized='view') }}
-- Call sites of the complexity tool: caller (qualified name in the file, NULL at module level) -> callee name,
-- with the tool's own resolution (same_file | import | unresolved).
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    line,
    caller,
    callee,
    receiver,
    callee_resolved,
    resolution
FROM {{ source('landing', 'symbol_calls') }}
WHERE run_id = '{{ var("run_id") }}'
