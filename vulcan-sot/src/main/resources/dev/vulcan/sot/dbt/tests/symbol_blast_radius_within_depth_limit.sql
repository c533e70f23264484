-- Blast radius chains respect the depth limit (1..5) and never list a symbol as its own caller.
SELECT symbol_id, caller_id, min_depth
FROM {{ ref('symbol_blast_radius') }}
WHERE run_id = '{{ var("run_id") }}' AND (min_depth < 1 OR min_depth > 5 OR caller_id = symbol_id)
