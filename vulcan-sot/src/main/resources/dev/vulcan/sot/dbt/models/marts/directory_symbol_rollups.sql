{{ config(materialized='incremental', unique_key='run_id') }}
-- Appendix D.4 directory symbol rollups, per directory of the layout x scope ('direct' = symbols of the files
-- directly in it, 'recursive' = of its whole subtree, int_directory_membership): symbol and exported-symbol
-- counts, callable count (function/method/constructor), sums of fan-in and fan-out (symbol_fan_metrics),
-- average and largest CCN over the symbols that have one (NULL without; D.4's example averages classes as 0),
-- and the number of dead-code candidates. Directories without any symbol in scope have no row.
WITH fan AS (
    SELECT * FROM {{ ref('symbol_fan_metrics') }} WHERE run_id = '{{ var("run_id") }}'
),
dead AS (
    SELECT symbol_id FROM {{ ref('dead_code_candidates') }} WHERE run_id = '{{ var("run_id") }}'
)
SELECT
    m.run_id,
    any_value(f.repo_id) AS repo_id,
    m.directory_id,
    any_value(d.relative_path) AS relative_path,
    m.scope,
    count(*) AS symbol_count,
    count(*) FILTER (WHERE f.is_exported) AS exported_symbol_count,
    count(*) FILTER (WHERE f.kind IN ('function', 'method', 'constructor')) AS callable_count,
    sum(f.fan_in) AS total_fan_in,
    sum(f.fan_out) AS total_fan_out,
    avg(f.ccn) AS avg_ccn,
    max(f.ccn) AS max_ccn,
    count(*) FILTER (WHERE f.symbol_id IN (SELECT symbol_id FROM dead)) AS dead_code_candidate_count
FROM {{ ref('int_directory_membership') }} m
JOIN fan f ON f.file_id = m.file_id
JOIN {{ ref('stg_layout_directories') }} d ON d.directory_id = m.directory_id
GROUP BY m.run_id, m.directory_id, m.scope
