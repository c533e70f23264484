{{ config(materialized='view') }}
-- One row per (directory, scope, metric, file): the value each file contributes to a directory rollup.
-- value is NULL when the file has no measurement (it then counts in file_count but not in value_count).
SELECT m.run_id, m.directory_id, m.scope, 'loc' AS metric, m.file_id, CAST(f.loc AS DOUBLE) AS value
FROM {{ ref('int_directory_membership') }} m
JOIN {{ ref('int_file_metrics') }} f ON f.file_id = m.file_id
UNION ALL
SELECT m.run_id, m.directory_id, m.scope, 'complexity' AS metric, m.file_id, CAST(f.max_complexity AS DOUBLE) AS value
FROM {{ ref('int_directory_membership') }} m
JOIN {{ ref('int_file_metrics') }} f ON f.file_id = m.file_id
