-- Every layout file of the run has exactly one file_metrics row (no file lost between staging and marts).
SELECT l.file_id
FROM {{ ref('stg_layout_files') }} l
LEFT JOIN (SELECT * FROM {{ ref('file_metrics') }} WHERE run_id = '{{ var("run_id") }}') f ON f.file_id = l.file_id
WHERE f.file_id IS NULL
