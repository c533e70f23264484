{{ config(materialized='incremental', unique_key='run_id') }}
-- Directory rollups (Appendix D.4 "Directory Metric Rollups"), one row per (directory, scope, metric) with at
-- least one file in scope. scope: 'direct' (files directly in the directory) or 'recursive' (whole subtree).
-- metric: 'loc' (file_metrics.loc) or 'complexity' (file_metrics.max_complexity). Over the n non-NULL values
-- x_1 <= ... <= x_n with mean mu and total S:
--   stddev_value    population standard deviation
--   pXX_value       linear interpolation between closest ranks: with h = q (n - 1), x_(floor h + 1) +
--                   (h - floor h) (x_(ceil h + 1) - x_(floor h + 1)), as quantile_cont; median_value = p50_value
--   skewness_value  m3 / m2^1.5, kurtosis_value = m4 / m2^2 - 3 (population moments; NULL when m2 = 0)
--   cv_value        stddev / mu (NULL when mu = 0); iqr_value = p75 - p25
--   gini_value      sum_i (2i - n - 1) x_i / (n S)            (NULL when S = 0)
--   theil_value     (1/n) sum_i (x_i/mu) ln(x_i/mu), 0 ln 0 = 0 (NULL when mu = 0)
--   hoover_value    sum_i |x_i - mu| / (2 S)                  (NULL when S = 0)
--   top_10_pct_share / top_20_pct_share: share of S held by the ceil(0.1 n) / ceil(0.2 n) largest values
--   bottom_50_pct_share: share of S held by the floor(0.5 n) smallest values (NULL when S = 0)
--   palma_value     sum of the ceil(0.1 n) largest / sum of the floor(0.4 n) smallest (NULL when that is 0)
WITH vals AS (
    SELECT * FROM {{ ref('int_directory_metric_values') }}
),
members AS (
    SELECT run_id, directory_id, scope, metric, count(*) AS file_count
    FROM vals
    GROUP BY run_id, directory_id, scope, metric
),
ranked AS (
    SELECT
        run_id, directory_id, scope, metric, value,
        count(*) OVER w AS n,
        avg(value) OVER w AS mu,
        row_number() OVER (PARTITION BY run_id, directory_id, scope, metric ORDER BY value, file_id) AS rank_asc
    FROM vals
    WHERE value IS NOT NULL
    WINDOW w AS (PARTITION BY run_id, directory_id, scope, metric)
),
agg AS (
    SELECT
        run_id, directory_id, scope, metric,
        count(*) AS value_count,
        min(value) AS min_value,
        max(value) AS max_value,
        avg(value) AS avg_value,
        stddev_pop(value) AS stddev_value,
        max(value) FILTER (WHERE rank_asc = floor(0.25 * (n - 1)) + 1)
            + (0.25 * (any_value(n) - 1) - floor(0.25 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.25 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.25 * (n - 1)) + 1)) AS p25_value,
        max(value) FILTER (WHERE rank_asc = floor(0.50 * (n - 1)) + 1)
            + (0.50 * (any_value(n) - 1) - floor(0.50 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.50 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.50 * (n - 1)) + 1)) AS p50_value,
        max(value) FILTER (WHERE rank_asc = floor(0.75 * (n - 1)) + 1)
            + (0.75 * (any_value(n) - 1) - floor(0.75 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.75 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.75 * (n - 1)) + 1)) AS p75_value,
        max(value) FILTER (WHERE rank_asc = floor(0.90 * (n - 1)) + 1)
            + (0.90 * (any_value(n) - 1) - floor(0.90 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.90 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.90 * (n - 1)) + 1)) AS p90_value,
        max(value) FILTER (WHERE rank_asc = floor(0.95 * (n - 1)) + 1)
            + (0.95 * (any_value(n) - 1) - floor(0.95 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.95 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.95 * (n - 1)) + 1)) AS p95_value,
        max(value) FILTER (WHERE rank_asc = floor(0.99 * (n - 1)) + 1)
            + (0.99 * (any_value(n) - 1) - floor(0.99 * (any_value(n) - 1)))
            * (max(value) FILTER (WHERE rank_asc = ceil(0.99 * (n - 1)) + 1)
               - max(value) FILTER (WHERE rank_asc = floor(0.99 * (n - 1)) + 1)) AS p99_value,
        avg(power(value - mu, 2)) AS m2,
        avg(power(value - mu, 3)) AS m3,
        avg(power(value - mu, 4)) AS m4,
        sum(value) AS total,
        any_value(mu) AS mu,
        sum((2 * rank_asc - n - 1) * value) AS gini_numerator,
        avg(CASE WHEN value > 0 AND mu > 0 THEN (value / mu) * ln(value / mu) ELSE 0 END) AS theil_raw,
        sum(abs(value - mu)) AS abs_deviation,
        coalesce(sum(value) FILTER (WHERE rank_asc > n - ceil(0.10 * n)), 0) AS top10_sum,
        coalesce(sum(value) FILTER (WHERE rank_asc > n - ceil(0.20 * n)), 0) AS top20_sum,
        coalesce(sum(value) FILTER (WHERE rank_asc <= floor(0.50 * n)), 0) AS bottom50_sum,
        coalesce(sum(value) FILTER (WHERE rank_asc <= floor(0.40 * n)), 0) AS bottom40_sum
    FROM ranked
    GROUP BY run_id, directory_id, scope, metric
)
SELECT
    m.run_id,
    d.repo_id,
    m.directory_id,
    d.relative_path,
    m.scope,
    m.metric,
    m.file_count,
    coalesce(a.value_count, 0) AS value_count,
    a.min_value,
    a.max_value,
    a.avg_value,
    a.stddev_value,
    a.p25_value,
    a.p50_value,
    a.p50_value AS median_value,
    a.p75_value,
    a.p90_value,
    a.p95_value,
    a.p99_value,
    CASE WHEN a.m2 > 0 THEN a.m3 / power(a.m2, 1.5) END AS skewness_value,
    CASE WHEN a.m2 > 0 THEN a.m4 / (a.m2 * a.m2) - 3 END AS kurtosis_value,
    CASE WHEN a.avg_value <> 0 THEN a.stddev_value / a.avg_value END AS cv_value,
    a.p75_value - a.p25_value AS iqr_value,
    CASE WHEN a.total > 0 THEN a.gini_numerator / (a.value_count * a.total) END AS gini_value,
    CASE WHEN a.mu > 0 THEN a.theil_raw END AS theil_value,
    CASE WHEN a.total > 0 THEN a.abs_deviation / (2 * a.total) END AS hoover_value,
    CASE WHEN a.bottom40_sum > 0 THEN a.top10_sum / a.bottom40_sum END AS palma_value,
    CASE WHEN a.total > 0 THEN a.top10_sum / a.total END AS top_10_pct_share,
    CASE WHEN a.total > 0 THEN a.top20_sum / a.total END AS top_20_pct_share,
    CASE WHEN a.total > 0 THEN a.bottom50_sum / a.total END AS bottom_50_pct_share
FROM members m
JOIN {{ ref('stg_layout_directories') }} d ON d.directory_id = m.directory_id
LEFT JOIN agg a
    ON a.run_id = m.run_id AND a.directory_id = m.directory_id AND a.scope = m.scope AND a.metric = m.metric
