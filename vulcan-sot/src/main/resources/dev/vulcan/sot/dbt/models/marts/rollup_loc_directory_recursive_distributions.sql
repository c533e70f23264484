{{ config(materialized='view') }}
-- Appendix D.4 name for the recursive loc rollups of directory_metrics (every run).
SELECT * FROM {{ ref('directory_metrics') }}
WHERE metric = 'loc' AND scope = 'recursive'
