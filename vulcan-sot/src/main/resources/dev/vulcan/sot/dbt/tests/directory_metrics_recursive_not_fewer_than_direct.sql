-- D.4: a recursive rollup never reports fewer files than the direct rollup of the same run/directory/metric.
SELECT d.directory_id, d.metric
FROM {{ ref('directory_metrics') }} d
LEFT JOIN {{ ref('directory_metrics') }} r
    ON r.run_id = d.run_id AND r.directory_id = d.directory_id AND r.metric = d.metric AND r.scope = 'recursive'
WHERE d.run_id = '{{ var("run_id") }}' AND d.scope = 'direct'
  AND (r.directory_id IS NULL OR r.file_count < d.file_count OR r.value_count < d.value_count)
