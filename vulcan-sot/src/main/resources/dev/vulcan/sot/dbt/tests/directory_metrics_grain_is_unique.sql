-- One row per (run, directory, scope, metric).
SELECT directory_id, scope, metric
FROM {{ ref('directory_metrics') }}
WHERE run_id = '{{ var("run_id") }}'
GROUP BY directory_id, scope, metric
HAVING count(*) > 1
