{{ config(materialized='view') }}
-- The run's directories (layout-scanner); the root has relative_path '' and no parent.
SELECT
    run_id,
    repo_id,
    directory_id,
    relative_path,
    parent_id,
    depth,
    file_count,
    total_size_bytes,
    recursive_file_count,
    recursive_size_bytes
FROM {{ source('landing', 'lz_layout_directories') }}
WHERE run_id = '{{ var("run_id") }}'
