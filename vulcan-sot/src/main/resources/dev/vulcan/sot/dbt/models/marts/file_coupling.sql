{{ config(materialized='incremental', unique_key='run_id') }}
-- Logical (change) coupling pairs of git-history (code-maat: degree = shared revisions / average revisions x 100,
-- the tool's thresholds and large-commit exclusion applied), with both files' directories from the layout,
-- same_directory, and coupling_rank (degree descending, then shared revisions, then paths). A pair whose file is
-- not in the layout keeps NULL directories (landing check coupling_file_id_in_layout reports it).
SELECT
    c.run_id,
    c.repo_id,
    c.file_id,
    c.path,
    a.directory_id,
    c.coupled_file_id,
    c.coupled_path,
    b.directory_id AS coupled_directory_id,
    c.shared_revisions,
    c.average_revisions,
    c.degree,
    a.directory_id IS NOT DISTINCT FROM b.directory_id AS same_directory,
    row_number() OVER (ORDER BY c.degree DESC, c.shared_revisions DESC, c.path, c.coupled_path) AS coupling_rank
FROM {{ ref('stg_git_history_coupling') }} c
LEFT JOIN {{ ref('stg_layout_files') }} a ON a.file_id = c.file_id
LEFT JOIN {{ ref('stg_layout_files') }} b ON b.file_id = c.coupled_file_id
