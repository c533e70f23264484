{{ config(materialized='view') }}
-- Functions of the complexity tool (one row per function, lizard-style CCN and SonarSource cognitive complexity).
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    name,
    qualified_name,
    kind,
    start_line,
    end_line,
    nloc,
    params,
    tokens,
    ccn,
    cognitive
FROM {{ source('landing', 'tool_complexity_functions') }}
WHERE run_id = '{{ var("run_id") }}'
