{{ config(materialized='incremental', unique_key='run_id') }}
-- Appendix D.1 maintenance burden: burden_score = max CCN x churn_count (revisions) for every layout file having
-- both (file_metrics' B.2 complexity, complexity_source says which tool); is_high_burden applies D.1's filter
-- (max CCN > 10 and churn_count > 5); burden_rank orders by score (ties by path). D.1's query is
-- "WHERE is_high_burden ORDER BY burden_rank LIMIT 50".
SELECT
    run_id,
    repo_id,
    file_id,
    relative_path,
    directory_id,
    language,
    max_complexity AS max_ccn,
    complexity_source,
    churn_count,
    unique_authors,
    max_complexity * churn_count AS burden_score,
    max_complexity > 10 AND churn_count > 5 AS is_high_burden,
    row_number() OVER (ORDER BY max_complexity * churn_count DESC, relative_path) AS burden_rank
FROM {{ ref('int_file_metrics') }}
WHERE max_complexity IS NOT NULL AND churn_count IS NOT NULL
