-- Normalised scores and shares stay in their ranges: hotspot scores 0-100, instability and ownership shares 0-1.
SELECT 'file_hotspots' AS model, file_id AS id FROM {{ ref('file_hotspots') }}
WHERE run_id = '{{ var("run_id") }}' AND (hotspot_score < 0 OR hotspot_score > 100 OR normalized_revisions < 0
    OR normalized_revisions > 100 OR normalized_complexity < 0 OR normalized_complexity > 100)
UNION ALL
SELECT 'symbol_fan_metrics', symbol_id FROM {{ ref('symbol_fan_metrics') }}
WHERE run_id = '{{ var("run_id") }}' AND (instability < 0 OR instability > 1)
UNION ALL
SELECT 'author_ownership', author FROM {{ ref('author_ownership') }}
WHERE run_id = '{{ var("run_id") }}' AND (owned_loc_share < 0 OR owned_loc_share > 1)
