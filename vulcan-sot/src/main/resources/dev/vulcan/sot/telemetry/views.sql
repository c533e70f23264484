-- Analysis views over telemetry pings (the seed's "Immediate analysis"). Every view reads tel_analyzed_repos:
-- the LATEST ping of each repo_hash (timestamp, then scan_id, descending), kept when it is not failed. One repo
-- counts once however often it was rescanned; a failed ping carries no counts, so it is not an analyzed repo.
CREATE OR REPLACE VIEW tel_latest_pings AS
SELECT * EXCLUDE (rn) FROM (
    SELECT p.*, row_number() OVER (PARTITION BY repo_hash ORDER BY "timestamp" DESC, scan_id DESC) AS rn
    FROM tel_pings p) WHERE rn = 1;

CREATE OR REPLACE VIEW tel_analyzed_repos AS
SELECT * FROM tel_latest_pings WHERE scan_status <> 'failed';

-- Share of a framework's repos that have a rule: repos_with_rule / framework_repos (a repo counts in every
-- framework it uses). Only (framework, rule) pairs seen at least once.
CREATE OR REPLACE VIEW tel_framework_rule_share AS
WITH fw AS (
    SELECT f.framework, f.scan_id FROM tel_ping_frameworks f JOIN tel_analyzed_repos a USING (scan_id)),
fw_total AS (SELECT framework, count(*) AS framework_repos FROM fw GROUP BY framework)
SELECT fw.framework, r.rule_id, count(*) AS repos_with_rule, t.framework_repos,
       count(*)::DOUBLE / t.framework_repos AS share
FROM fw JOIN tel_ping_rules r USING (scan_id) JOIN fw_total t USING (framework)
GROUP BY fw.framework, r.rule_id, t.framework_repos;

-- Finding density by crew_count bucket ('0', '1', '2-10', '>10': the seed compares crew_count > 10 with
-- single-crew repos). Means over the bucket's repos; findings_per_crew is 0 for crew_count 0 (zero guard).
CREATE OR REPLACE VIEW tel_finding_density_by_crew_bucket AS
SELECT CASE WHEN crew_count = 0 THEN '0' WHEN crew_count = 1 THEN '1'
            WHEN crew_count <= 10 THEN '2-10' ELSE '>10' END AS crew_bucket,
       min(crew_count) AS bucket_min_crews,
       count(*) AS repos,
       sum(finding_count) AS findings,
       avg(finding_count) AS mean_finding_count,
       avg(normalized_features_findings_per_crew) AS mean_findings_per_crew,
       avg(normalized_features_findings_per_agent) AS mean_findings_per_agent
FROM tel_analyzed_repos GROUP BY 1;

-- Findings by hub pattern: 'hub_spoke' when graph_topology_metrics.hub_score > 0.3, 'mesh_other' for any
-- other repo with a graph, 'no_graph' without graph nodes.
CREATE OR REPLACE VIEW tel_findings_by_hub_pattern AS
SELECT CASE WHEN graph_node_count = 0 THEN 'no_graph'
            WHEN graph_topology_metrics_hub_score > 0.3 THEN 'hub_spoke' ELSE 'mesh_other' END AS hub_pattern,
       count(*) AS repos,
       sum(finding_count) AS findings,
       avg(finding_count) AS mean_finding_count,
       avg(normalized_features_findings_per_agent) AS mean_findings_per_agent,
       avg(risk_score) AS mean_risk_score
FROM tel_analyzed_repos GROUP BY 1;

-- Provider concentration: per provider, the analyzed repos using it and those where it is the only provider,
-- each also as a share of all analyzed repos (repos without a provider are in the denominator).
CREATE OR REPLACE VIEW tel_provider_concentration AS
WITH p AS (SELECT pr.scan_id, pr.provider FROM tel_ping_providers pr JOIN tel_analyzed_repos a USING (scan_id)),
n_prov AS (SELECT scan_id, count(*) AS providers FROM p GROUP BY scan_id),
total AS (SELECT count(*) AS repos FROM tel_analyzed_repos)
SELECT p.provider,
       count(*) AS repos,
       count(*) FILTER (WHERE n.providers = 1) AS sole_provider_repos,
       total.repos AS analyzed_repos,
       count(*)::DOUBLE / total.repos AS share,
       (count(*) FILTER (WHERE n.providers = 1))::DOUBLE / total.repos AS sole_provider_share
FROM p JOIN n_prov n USING (scan_id) CROSS JOIN total
GROUP BY p.provider, total.repos;

-- Association rules antecedent -> consequent from finding_co_occurrence (repo level: a pair means "fired
-- together in at least one crew of the repo"). support = repos with the pair / analyzed repos;
-- confidence = repos with the pair / repos whose finding_rules hold the antecedent;
-- lift = confidence / (repos whose finding_rules hold the consequent / analyzed repos).
CREATE OR REPLACE VIEW tel_rule_association AS
WITH pairs AS (
    SELECT DISTINCT c.scan_id, c.rule_a, c.rule_b FROM tel_ping_rule_pairs c JOIN tel_analyzed_repos a USING (scan_id)),
directed AS (
    SELECT scan_id, rule_a AS antecedent, rule_b AS consequent FROM pairs
    UNION ALL SELECT scan_id, rule_b, rule_a FROM pairs),
rule_repos AS (
    SELECT r.rule_id, count(DISTINCT r.scan_id) AS repos
    FROM tel_ping_rules r JOIN tel_analyzed_repos a USING (scan_id) GROUP BY r.rule_id),
total AS (SELECT count(*) AS repos FROM tel_analyzed_repos)
SELECT d.antecedent, d.consequent, count(*) AS pair_repos,
       ra.repos AS antecedent_repos, rc.repos AS consequent_repos, total.repos AS analyzed_repos,
       count(*)::DOUBLE / total.repos AS support,
       count(*)::DOUBLE / ra.repos AS confidence,
       (count(*)::DOUBLE / ra.repos) / (rc.repos::DOUBLE / total.repos) AS lift
FROM directed d
JOIN rule_repos ra ON ra.rule_id = d.antecedent
JOIN rule_repos rc ON rc.rule_id = d.consequent
CROSS JOIN total
GROUP BY d.antecedent, d.consequent, ra.repos, rc.repos, total.repos;
