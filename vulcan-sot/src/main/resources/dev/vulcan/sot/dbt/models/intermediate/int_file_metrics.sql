{{ config(materialized='table') }}
-- Layout joined with every metric source, with the source of each value tracked (Appendix B.2 conflict rules):
--   LOC: prefer loc (physical lines), else the complexity tool's nloc;
--   complexity: prefer the complexity tool's max CCN over functions, else loc's per-file branch-token count;
--   churn: git-history (churn_count = revisions touching the file, churn_lines = lines added + deleted).
-- A tool row whose file_id is not in the layout is an orphan: the landing check file_id_in_layout reports it
-- and it does not reach the marts. Duplicate rows of one file (also reported) count once.
WITH loc AS (
    SELECT * FROM {{ ref('stg_loc_files') }}
    QUALIFY row_number() OVER (PARTITION BY file_id ORDER BY path) = 1
),
complexity AS (
    SELECT * FROM {{ ref('stg_complexity_files') }}
    QUALIFY row_number() OVER (PARTITION BY file_id ORDER BY path) = 1
),
history AS (
    SELECT * FROM {{ ref('stg_git_history_files') }}
    QUALIFY row_number() OVER (PARTITION BY file_id ORDER BY path) = 1
)
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
    COALESCE(s.total_lines, c.nloc) AS loc,
    s.code_lines AS sloc,
    s.comment_lines,
    s.blank_lines,
    COALESCE(c.max_ccn, s.complexity) AS max_complexity,
    c.avg_ccn AS avg_complexity,
    c.function_count,
    h.revisions AS churn_count,
    h.churn AS churn_lines,
    h.unique_authors,
    h.main_author_share,
    h.last_commit_at,
    CASE WHEN s.file_id IS NOT NULL THEN 'loc' WHEN c.file_id IS NOT NULL THEN 'complexity' END AS loc_source,
    CASE WHEN c.max_ccn IS NOT NULL THEN 'complexity' WHEN s.complexity IS NOT NULL THEN 'loc' END AS complexity_source,
    CASE WHEN h.file_id IS NOT NULL THEN 'git-history' END AS churn_source
FROM {{ ref('stg_layout_files') }} l
LEFT JOIN loc s ON s.file_id = l.file_id AND s.run_id = l.run_id
LEFT JOIN complexity c ON c.file_id = l.file_id AND c.run_id = l.run_id
LEFT JOIN history h ON h.file_id = l.file_id AND h.run_id = l.run_id
