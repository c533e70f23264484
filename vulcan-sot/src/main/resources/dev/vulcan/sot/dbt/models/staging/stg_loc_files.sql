{{ config(materialized='view') }}
-- Line counts of the loc tool (Appendix B.1 naming).
SELECT
    run_id,
    repo_id,
    file_id,
    path,
    language,
    lines AS total_lines,
    code AS code_lines,
    comments AS comment_lines,
    blanks AS blank_lines,
    complexity
FROM {{ source('landing', 'tool_loc_files') }}
WHERE run_id = '{{ var("run_id") }}'
