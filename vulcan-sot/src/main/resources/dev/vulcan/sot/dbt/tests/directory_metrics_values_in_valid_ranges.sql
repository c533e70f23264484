-- D.4: distribution values lie in their valid ranges (rows returned = violations).
SELECT directory_id, scope, metric
FROM {{ ref('directory_metrics') }}
WHERE run_id = '{{ var("run_id") }}'
  AND (
       value_count < 0 OR value_count > file_count
    OR (value_count > 0 AND NOT (min_value <= p25_value AND p25_value <= p50_value AND p50_value <= p75_value
         AND p75_value <= p90_value AND p90_value <= p95_value AND p95_value <= p99_value AND p99_value <= max_value))
    OR (value_count > 0 AND NOT (avg_value BETWEEN min_value AND max_value))
    OR stddev_value < 0 OR iqr_value < 0
    OR gini_value < -1e-9 OR gini_value > 1
    OR theil_value < -1e-9 OR theil_value > ln(greatest(value_count, 1)) + 1e-9
    OR hoover_value < -1e-9 OR hoover_value > 1
    OR palma_value < 0
    OR top_10_pct_share < 0 OR top_10_pct_share > 1 + 1e-9
    OR top_20_pct_share < top_10_pct_share - 1e-9 OR top_20_pct_share > 1 + 1e-9
    OR bottom_50_pct_share < 0 OR bottom_50_pct_share > 0.5 + 1e-9
  )
