{{ config(materialized='table') }}
-- The edges of the call graph, one row per (caller, callee) with its number of call sites.
-- caller_id: the calling symbol (file_id || ':' || caller), or file_id || ':<module>' for a call at module or
--   class level (a pseudo node that is never a symbol).
-- callee_id: the called symbol, resolved in this order (edge_resolution):
--   'same_file'      the tool resolved the call to a declaration of the same file (callee_resolved);
--   'qualified_name' the tool resolved it through an import to a qualified name that exactly one symbol of the
--                    repository has (Java imports: package + type + name);
--   'unique_name'    otherwise, for an unresolved call on this/self/cls/super (an inherited member) or a relative
--                    import ('.mod.f', './mod.f'), the callee's simple name names exactly one symbol of the
--                    repository (a heuristic). Other unresolved calls are never attributed by name: a NULL receiver
--                    also stands for an expression receiver (a().b()), and without types the class of a receiver
--                    such as map in map.get(k) is unknown;
--   NULL             external or ambiguous: callee_id is NULL and only the callee name is kept.
WITH calls AS (
    SELECT *, row_number() OVER () AS call_key FROM {{ ref('stg_symbol_calls') }}
),
symbols AS (
    SELECT * FROM {{ ref('int_symbols') }}
),
unique_qualified AS (
    SELECT qualified_name, min(symbol_id) AS symbol_id FROM symbols GROUP BY qualified_name HAVING count(*) = 1
),
unique_names AS (
    SELECT name, min(symbol_id) AS symbol_id FROM symbols GROUP BY name HAVING count(*) = 1
),
-- each resolution as its own equi-join (one plain hash join each), then joined back by call_key
by_same_file AS (
    SELECT c.call_key, s.symbol_id
    FROM calls c JOIN symbols s ON s.file_id = c.file_id AND s.qualified_name = c.callee_resolved
    WHERE c.resolution = 'same_file'
),
by_qualified_name AS (
    SELECT c.call_key, u.symbol_id
    FROM calls c JOIN unique_qualified u ON u.qualified_name = c.callee_resolved
    WHERE c.resolution = 'import'
),
by_unique_name AS (
    SELECT c.call_key, u.symbol_id
    FROM calls c JOIN unique_names u ON u.name = c.callee
    WHERE (c.resolution = 'unresolved' AND c.receiver IN ('this', 'self', 'cls', 'super'))
       OR (c.resolution = 'import' AND c.callee_resolved LIKE '.%')
),
resolved AS (
    SELECT
        c.run_id,
        c.repo_id,
        c.file_id AS caller_file_id,
        c.caller IS NULL AS caller_is_module,
        CASE WHEN c.caller IS NULL THEN c.file_id || ':<module>' ELSE c.file_id || ':' || c.caller END AS caller_id,
        c.callee,
        COALESCE(sf.symbol_id, uq.symbol_id, un.symbol_id) AS callee_id,
        CASE WHEN sf.symbol_id IS NOT NULL THEN 'same_file'
             WHEN uq.symbol_id IS NOT NULL THEN 'qualified_name'
             WHEN un.symbol_id IS NOT NULL THEN 'unique_name' END AS edge_resolution
    FROM calls c
    LEFT JOIN by_same_file sf ON sf.call_key = c.call_key
    LEFT JOIN by_qualified_name uq ON uq.call_key = c.call_key
    LEFT JOIN by_unique_name un ON un.call_key = c.call_key
)
SELECT
    run_id,
    any_value(repo_id) AS repo_id,
    caller_id,
    any_value(caller_file_id) AS caller_file_id,
    bool_or(caller_is_module) AS caller_is_module,
    callee_id,
    callee,
    any_value(edge_resolution) AS edge_resolution,
    count(*) AS call_count
FROM resolved
GROUP BY run_id, caller_id, callee_id, callee
