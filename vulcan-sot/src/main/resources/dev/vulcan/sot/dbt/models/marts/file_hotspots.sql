{{ config(materialized='incremental', unique_key='run_id') }}
-- Hotspots (proposal §E.4, complexity x volatility) of every layout file with history (churn_count > 0):
--   complexity      = the file's total CCN (sum over its functions, complexity tool), else loc's per-file
--                     branch-token estimate (complexity_source says which); NULL without either;
--   hotspot_score   = 100 x (revisions x complexity) / the run's largest revisions x complexity, rounded to 2
--                     decimals: 0-100, 100 for the worst file (NULL without complexity, 0 when every product is 0);
--   normalized_revisions / normalized_complexity = the same max-normalisation of each factor (0-100);
--   hotspot_rank    = rank by hotspot_score (ties by path);
--   maat_rank       = code-maat's ranking (revisions analysis joined with size): revisions descending, then LOC
--                     descending, then path.
WITH f AS (
    SELECT
        run_id,
        repo_id,
        file_id,
        relative_path,
        directory_id,
        language,
        category,
        loc,
        churn_count AS revisions,
        churn_lines,
        unique_authors,
        COALESCE(total_ccn, loc_complexity) AS complexity,
        CASE WHEN total_ccn IS NOT NULL THEN 'complexity' WHEN loc_complexity IS NOT NULL THEN 'loc' END
            AS complexity_source
    FROM {{ ref('int_file_metrics') }}
    WHERE churn_count > 0
),
scored AS (
    SELECT
        *,
        revisions * complexity AS raw_score,
        max(revisions * complexity) OVER () AS max_raw_score,
        max(revisions) OVER () AS max_revisions,
        max(complexity) OVER () AS max_complexity
    FROM f
)
SELECT
    run_id,
    repo_id,
    file_id,
    relative_path,
    directory_id,
    language,
    category,
    loc,
    revisions,
    churn_lines,
    unique_authors,
    complexity,
    complexity_source,
    round(100.0 * revisions / max_revisions, 2) AS normalized_revisions,
    CASE WHEN complexity IS NULL THEN NULL WHEN max_complexity = 0 THEN 0.0
         ELSE round(100.0 * complexity / max_complexity, 2) END AS normalized_complexity,
    CASE WHEN raw_score IS NULL THEN NULL WHEN max_raw_score = 0 THEN 0.0
         ELSE round(100.0 * raw_score / max_raw_score, 2) END AS hotspot_score,
    row_number() OVER (ORDER BY raw_score DESC NULLS LAST, relative_path) AS hotspot_rank,
    row_number() OVER (ORDER BY revisions DESC, loc DESC NULLS LAST, relative_path) AS maat_rank
FROM scored
