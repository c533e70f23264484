{{ config(materialized='view') }}
-- Layout joined with every metric source, with the source of each value tracked (Appendix B.2).
-- LOC comes from loc; complexity from loc's per-file complexity until a function-level tool lands
-- (then: prefer it, as in B.2). A loc row whose file_id is not in the layout is an orphan: it is reported by
-- the landing check file_id_in_layout and does not reach the marts.
SELECT
    l.run_id,
    l.repo_id,
    l.file_id,
    l.relative_path,
    l.directory_id,
    l.filename,
    l.extension,
    l.language,
    l.category,
    l.size_bytes,
    l.is_binary,
    l.line_count AS layout_line_count,
    s.total_lines AS loc,
    s.code_lines AS sloc,
    s.comment_lines,
    s.blank_lines,
    s.complexity AS max_complexity,
    CASE WHEN s.file_id IS NOT NULL THEN 'loc' END AS loc_source,
    CASE WHEN s.complexity IS NOT NULL THEN 'loc' END AS complexity_source
FROM {{ ref('stg_layout_files') }} l
LEFT JOIN (
    SELECT * FROM {{ ref('stg_loc_files') }}
    QUALIFY row_number() OVER (PARTITION BY file_id ORDER BY path) = 1
) s ON s.file_id = l.file_id AND s.run_id = l.run_id
