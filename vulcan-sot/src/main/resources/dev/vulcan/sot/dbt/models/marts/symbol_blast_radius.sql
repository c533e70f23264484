{{ config(materialized='incremental', unique_key='run_id') }}
-- Appendix D.4 blast radius: for every symbol, its transitive callers through resolved edges (int_symbol_edges,
-- self-calls left out), with the length of the shortest call chain (min_depth). Recursive CTE with a depth limit
-- of 5 call levels (the proposal's example limit): callers farther away are not listed, and cycles end there.
-- The recursion is on distinct (target, caller, depth) rows (UNION), so its size is bounded by
-- symbols x callers x 5 whatever the number of paths.
WITH RECURSIVE edges AS (
    SELECT DISTINCT run_id, repo_id, caller_id, callee_id
    FROM {{ ref('int_symbol_edges') }}
    WHERE callee_id IS NOT NULL AND caller_id <> callee_id
),
chain AS (
    SELECT run_id, repo_id, callee_id AS symbol_id, caller_id, 1 AS depth
    FROM edges
    UNION
    SELECT c.run_id, c.repo_id, c.symbol_id, e.caller_id, c.depth + 1
    FROM chain c
    JOIN edges e ON e.callee_id = c.caller_id
    WHERE c.depth < 5
)
SELECT
    c.run_id,
    any_value(c.repo_id) AS repo_id,
    c.symbol_id,
    c.caller_id,
    any_value(s.file_id) AS caller_file_id,
    min(c.depth) AS min_depth
FROM chain c
LEFT JOIN {{ ref('int_symbols') }} s ON s.symbol_id = c.caller_id
WHERE c.caller_id <> c.symbol_id
GROUP BY c.run_id, c.symbol_id, c.caller_id
