{{ config(materialized='incremental', unique_key='run_id') }}
-- Appendix D.3 dead-code candidates: functions, methods and classes with no resolved incoming call (fan_in = 0 in
-- symbol_fan_metrics, self-recursion does not count); a class counts as called when the class itself or any of
-- its members (qualified_name under the class's, same file) has a caller. D.3's own query keeps exported symbols
-- only: filter is_exported. unresolved_name_calls counts call sites whose callee name equals the symbol's name
-- (for a class: its name or a member's name) but that did not resolve to any symbol (ambiguous names, calls on
-- objects): confidence is 'high' when there is none, else 'low'. Entry points (main, tests, framework callbacks, reflection) are candidates too: a static call graph
-- cannot see their callers.
WITH fan AS (
    SELECT * FROM {{ ref('symbol_fan_metrics') }} WHERE run_id = '{{ var("run_id") }}'
),
called_members AS (
    SELECT DISTINCT c.symbol_id
    FROM fan c
    JOIN fan m ON m.file_id = c.file_id AND starts_with(m.qualified_name, c.qualified_name || '.') AND m.fan_in > 0
    WHERE c.kind = 'class'
),
name_calls AS (
    SELECT callee, sum(call_count) AS calls
    FROM {{ ref('int_symbol_edges') }}
    WHERE callee_id IS NULL
    GROUP BY callee
),
member_name_calls AS (
    SELECT c.symbol_id, sum(n.calls) AS calls
    FROM fan c
    JOIN fan m ON m.file_id = c.file_id AND starts_with(m.qualified_name, c.qualified_name || '.')
    JOIN name_calls n ON n.callee = m.name
    WHERE c.kind = 'class'
    GROUP BY c.symbol_id
)
SELECT
    f.run_id,
    f.repo_id,
    f.symbol_id,
    f.file_id,
    f.path,
    f.directory_id,
    f.name,
    f.qualified_name,
    f.kind,
    f.start_line,
    f.is_exported,
    coalesce(n.calls, 0) + coalesce(mc.calls, 0) AS unresolved_name_calls,
    CASE WHEN coalesce(n.calls, 0) + coalesce(mc.calls, 0) = 0 THEN 'high' ELSE 'low' END AS confidence
FROM fan f
LEFT JOIN name_calls n ON n.callee = f.name
LEFT JOIN member_name_calls mc ON mc.symbol_id = f.symbol_id
WHERE f.kind IN ('function', 'method', 'class')
  AND f.fan_in = 0
  AND f.symbol_id NOT IN (SELECT symbol_id FROM called_members)
