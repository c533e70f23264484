{{ config(materialized='table') }}
-- The nodes of the call graph: one per (file, qualified name). symbol_id = file_id || ':' || qualified_name, so
-- Java overloads (same qualified name, other parameters) share one node; kind and lines are those of the first
-- declaration, is_exported is true when any declaration is exported, ccn is the largest CCN of the functions of
-- that name in the file (NULL for types). directory_id comes from the layout (NULL for a file outside it, which
-- the landing check symbol_file_id_in_layout reports).
WITH functions AS (
    SELECT file_id, qualified_name, max(ccn) AS ccn
    FROM {{ ref('stg_complexity_functions') }}
    GROUP BY file_id, qualified_name
)
SELECT
    s.run_id,
    any_value(s.repo_id) AS repo_id,
    s.file_id || ':' || s.qualified_name AS symbol_id,
    s.file_id,
    s.path,
    any_value(l.directory_id) AS directory_id,
    arg_min(s.name, coalesce(s.start_line, 0)) AS name,
    s.qualified_name,
    arg_min(s.kind, coalesce(s.start_line, 0)) AS kind,
    min(s.start_line) AS start_line,
    arg_min(s.end_line, coalesce(s.start_line, 0)) AS end_line,
    bool_or(s.is_exported) AS is_exported,
    count(*) AS declaration_count,
    any_value(f.ccn) AS ccn
FROM {{ ref('stg_code_symbols') }} s
LEFT JOIN {{ ref('stg_layout_files') }} l ON l.file_id = s.file_id
LEFT JOIN functions f ON f.file_id = s.file_id AND f.qualified_name = s.qualified_name
GROUP BY s.run_id, s.file_id, s.path, s.qualified_name
