{{ config(materialized='view') }}
-- The run's file universe (layout-scanner), one row per file.
SELECT
    run_id,
    repo_id,
    file_id,
    relative_path,
    directory_id,
    filename,
    extension,
    language,
    category,
    size_bytes,
    line_count,
    is_binary,
    stable_fingerprint
FROM {{ source('landing', 'lz_layout_files') }}
WHERE run_id = '{{ var("run_id") }}'
