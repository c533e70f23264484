{{ config(materialized='incremental', unique_key='run_id') }}
-- Code ownership per author: the layout's source files (category 'source') whose main author (git-history: the
-- author of most added lines) is the author. owned_loc_share = owned LOC / LOC of all source files that have a
-- main author and a LOC value; owned_file_share likewise over files. Author activity (commits, lines, active,
-- gone) comes from git-history's authors; an author owning nothing has 0 owned files; an owner missing from the
-- authors list (older artifacts) has NULL activity.
WITH owned AS (
    SELECT main_author AS name, count(*) AS owned_files, coalesce(sum(loc), 0) AS owned_loc
    FROM {{ ref('int_file_metrics') }}
    WHERE category = 'source' AND main_author IS NOT NULL
    GROUP BY main_author
),
totals AS (
    SELECT sum(owned_files) AS files, sum(owned_loc) AS loc FROM owned
),
runs AS (
    SELECT any_value(run_id) AS run_id, any_value(repo_id) AS repo_id FROM {{ ref('stg_layout_files') }}
)
SELECT
    r.run_id,
    r.repo_id,
    coalesce(a.name, o.name) AS author,
    a.commits,
    a.lines_added,
    a.lines_deleted,
    a.files_touched,
    a.active,
    a.gone,
    coalesce(o.owned_files, 0) AS owned_files,
    coalesce(o.owned_loc, 0) AS owned_loc,
    CASE WHEN t.files > 0 THEN coalesce(o.owned_files, 0)::DOUBLE / t.files END AS owned_file_share,
    CASE WHEN t.loc > 0 THEN coalesce(o.owned_loc, 0)::DOUBLE / t.loc END AS owned_loc_share
FROM {{ ref('stg_git_history_authors') }} a
FULL OUTER JOIN owned o ON o.name = a.name
CROSS JOIN totals t
CROSS JOIN runs r
WHERE r.run_id IS NOT NULL
