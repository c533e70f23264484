{{ config(materialized='view') }}
-- Declared symbols of the complexity tool (classes, interfaces, functions, methods...) with their export status.
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    language,
    name,
    qualified_name,
    kind,
    start_line,
    end_line,
    is_exported
FROM {{ source('landing', 'code_symbols') }}
WHERE run_id = '{{ var("run_id") }}'
