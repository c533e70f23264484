{{ config(materialized='incremental', unique_key='run_id') }}
-- Appendix D.4 fan-in / fan-out per symbol over int_symbol_edges (self-calls left out):
--   fan_in  = distinct callers (symbols or module-level pseudo nodes) whose calls resolve to the symbol;
--   fan_out = distinct callees of the symbol's own calls: resolved symbols plus distinct unresolved callee names
--             (external dependencies count, as in D.4); fan_out_internal counts the resolved ones only;
--   instability = fan_out / (fan_in + fan_out) (Martin), NULL when both are 0 (D.4's example shows 0; NULL says
--             "undefined" without pretending stability);
--   transitive_callers / max_caller_depth from symbol_blast_radius (depth limit 5).
WITH edges AS (
    SELECT * FROM {{ ref('int_symbol_edges') }}
    WHERE callee_id IS NULL OR caller_id <> callee_id
),
fan_in AS (
    SELECT callee_id AS symbol_id, count(DISTINCT caller_id) AS fan_in, sum(call_count) AS incoming_calls
    FROM edges WHERE callee_id IS NOT NULL GROUP BY callee_id
),
fan_out AS (
    SELECT caller_id AS symbol_id,
           count(DISTINCT coalesce(callee_id, 'external:' || callee)) AS fan_out,
           count(DISTINCT callee_id) AS fan_out_internal
    FROM edges GROUP BY caller_id
),
radius AS (
    SELECT symbol_id, count(*) AS transitive_callers, max(min_depth) AS max_caller_depth
    FROM {{ ref('symbol_blast_radius') }}
    WHERE run_id = '{{ var("run_id") }}'
    GROUP BY symbol_id
)
SELECT
    s.run_id,
    s.repo_id,
    s.symbol_id,
    s.file_id,
    s.path,
    s.directory_id,
    s.name,
    s.qualified_name,
    s.kind,
    s.start_line,
    s.is_exported,
    s.ccn,
    coalesce(i.fan_in, 0) AS fan_in,
    coalesce(i.incoming_calls, 0) AS incoming_calls,
    coalesce(o.fan_out, 0) AS fan_out,
    coalesce(o.fan_out_internal, 0) AS fan_out_internal,
    CASE WHEN coalesce(i.fan_in, 0) + coalesce(o.fan_out, 0) = 0 THEN NULL
         ELSE round(coalesce(o.fan_out, 0)::DOUBLE / (coalesce(i.fan_in, 0) + coalesce(o.fan_out, 0)), 3)
    END AS instability,
    coalesce(r.transitive_callers, 0) AS transitive_callers,
    r.max_caller_depth
FROM {{ ref('int_symbols') }} s
LEFT JOIN fan_in i ON i.symbol_id = s.symbol_id
LEFT JOIN fan_out o ON o.symbol_id = s.symbol_id
LEFT JOIN radius r ON r.symbol_id = s.symbol_id
