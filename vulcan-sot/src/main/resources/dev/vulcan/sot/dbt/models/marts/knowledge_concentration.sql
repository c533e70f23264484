{{ config(materialized='incremental', unique_key='run_id') }}
-- Knowledge concentration of a run (bus factor, ownership silos), one row when git-history landed a summary:
-- truck_factor (Avelino et al., computed by the tool) and its authors, authors, active authors and orphaned files
-- (files whose only active DOA authors are gone) from the summary; top_owner / top_owner_loc_share (largest
-- owned_loc_share of author_ownership, ties by name) and owners_for_half_of_code (fewest authors whose owned LOC
-- reaches half of the owned source LOC; NULL without owned LOC). KNOWLEDGE_CONCENTRATION reads this row.
WITH owners AS (
    SELECT author, owned_loc, owned_loc_share,
           sum(owned_loc) OVER (ORDER BY owned_loc DESC, author ROWS UNBOUNDED PRECEDING) AS cumulative_loc,
           sum(owned_loc) OVER () AS total_loc,
           row_number() OVER (ORDER BY owned_loc_share DESC NULLS LAST, author) AS position
    FROM {{ ref('author_ownership') }}
    WHERE run_id = '{{ var("run_id") }}'
)
SELECT
    s.run_id,
    s.repo_id,
    s.commit_count,
    s.author_count,
    s.active_authors,
    s.truck_factor,
    s.truck_factor_authors_json,
    s.file_count,
    s.files_with_history,
    s.orphaned_file_count,
    CASE WHEN s.file_count > 0 THEN s.orphaned_file_count::DOUBLE / s.file_count END AS orphaned_file_share,
    (SELECT author FROM owners WHERE position = 1 AND owned_loc > 0) AS top_owner,
    (SELECT owned_loc_share FROM owners WHERE position = 1 AND owned_loc > 0) AS top_owner_loc_share,
    CASE WHEN (SELECT max(total_loc) FROM owners) > 0
         THEN (SELECT count(*) FROM owners WHERE cumulative_loc - owned_loc < total_loc / 2.0) END
        AS owners_for_half_of_code
FROM {{ ref('stg_git_history_summary') }} s
