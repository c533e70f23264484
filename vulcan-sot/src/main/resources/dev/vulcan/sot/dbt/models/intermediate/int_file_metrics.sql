{{ config(materialized='table') }}
-- Layout joined with every metric source, with the source of each value tracked (Appendix B.2 conflict rules):
--   LOC: prefer loc (physical lines), else the complexity tool's nloc;
--   complexity: prefer the complexity tool's max CCN over functions, else loc's per-file branch-token count;
--   churn: git-history (churn_count = revisions touching the file, churn_lines = lines added + deleted).
-- The inputs of the resolution stay visible: max_ccn / avg_ccn / total_ccn / ccn_decision_points are the complexity
-- tool's own values (total_ccn = sum of the functions' CCN, ccn_decision_points = total_ccn - function_count, the
-- decision points lizard counted), loc_complexity is loc's per-file branch-token estimate; METRIC_DISAGREEMENT_COMPLEXITY
-- compares ccn_decision_points with loc_complexity. Ownership: main_author and ownership (= the main author's share
-- of the file's added lines, git-history's main_author_share), fragmentation (1 - sum of squared shares).
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
functions AS (
    SELECT file_id, sum(ccn) AS total_ccn, count(*) AS listed_functions
    FROM {{ ref('stg_complexity_functions') }}
    GROUP BY file_id
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
    c.max_ccn,
    c.avg_ccn,
    CASE WHEN c.file_id IS NOT NULL THEN coalesce(fn.total_ccn, 0) END AS total_ccn,
    CASE WHEN c.file_id IS NOT NULL THEN coalesce(fn.total_ccn - fn.listed_functions, 0) END AS ccn_decision_points,
    s.complexity AS loc_complexity,
    h.revisions AS churn_count,
    h.churn AS churn_lines,
    h.unique_authors,
    h.main_author_share,
    h.main_author,
    h.main_author_share AS ownership,
    h.fragmentation,
    h.last_commit_at,
    CASE WHEN s.file_id IS NOT NULL THEN 'loc' WHEN c.file_id IS NOT NULL THEN 'complexity' END AS loc_source,
    CASE WHEN c.max_ccn IS NOT NULL THEN 'complexity' WHEN s.complexity IS NOT NULL THEN 'loc' END AS complexity_source,
    CASE WHEN h.file_id IS NOT NULL THEN 'git-history' END AS churn_source
FROM {{ ref('stg_layout_files') }} l
LEFT JOIN loc s ON s.file_id = l.file_id AND s.run_id = l.run_id
LEFT JOIN complexity c ON c.file_id = l.file_id AND c.run_id = l.run_id
LEFT JOIN functions fn ON fn.file_id = l.file_id AND c.file_id IS NOT NULL
LEFT JOIN history h ON h.file_id = l.file_id AND h.run_id = l.run_id
