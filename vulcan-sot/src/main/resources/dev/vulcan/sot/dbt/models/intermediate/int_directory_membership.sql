{{ config(materialized='table') }}
-- Which files count for which directory: 'direct' = files directly in it, 'recursive' = files anywhere in its
-- subtree (the directory itself and every descendant), walked up the parent_id chain of the layout.
WITH RECURSIVE ancestors AS (
    SELECT run_id, file_id, directory_id, 0 AS distance
    FROM {{ ref('stg_layout_files') }}
    UNION ALL
    SELECT a.run_id, a.file_id, d.parent_id AS directory_id, a.distance + 1
    FROM ancestors a
    JOIN {{ ref('stg_layout_directories') }} d ON d.directory_id = a.directory_id
    WHERE d.parent_id IS NOT NULL AND a.distance < 4096
)
SELECT run_id, directory_id, file_id, 'direct' AS scope FROM ancestors WHERE distance = 0
UNION ALL
SELECT run_id, directory_id, file_id, 'recursive' AS scope FROM ancestors
