package dev.vulcan.sot.telemetry;

import java.util.Arrays;
import java.util.Objects;

/** The analysis views over imported pings (the seed's "Immediate analysis" questions), by stable view name. */
public enum PingView {
    /** The latest ping of each repo_hash. */
    LATEST_PINGS("tel_latest_pings"),
    /** The latest ping of each repo_hash, when it is not failed: the repos every analysis view counts. */
    ANALYZED_REPOS("tel_analyzed_repos"),
    /** Share of a framework's repos having a rule. */
    FRAMEWORK_RULE_SHARE("tel_framework_rule_share"),
    /** Finding density by crew_count bucket. */
    FINDING_DENSITY_BY_CREW_BUCKET("tel_finding_density_by_crew_bucket"),
    /** Findings by hub_score pattern (hub-spoke above 0.3). */
    FINDINGS_BY_HUB_PATTERN("tel_findings_by_hub_pattern"),
    /** Provider concentration (repos and sole-provider repos per provider). */
    PROVIDER_CONCENTRATION("tel_provider_concentration"),
    /** Association rules between finding rules from finding_co_occurrence (support, confidence, lift). */
    RULE_ASSOCIATION("tel_rule_association");

    private final String viewName;

    PingView(String viewName) {
        this.viewName = viewName;
    }

    /**
     * Returns the SQL name of the view.
     *
     * @return the name
     */
    public String viewName() {
        return viewName;
    }

    /**
     * Returns the view of a SQL name.
     *
     * @param viewName the name
     * @return the view
     * @throws IllegalArgumentException if no view has that name
     */
    public static PingView fromViewName(String viewName) {
        Objects.requireNonNull(viewName, "viewName");
        return Arrays.stream(values()).filter(v -> v.viewName.equals(viewName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ping view: " + viewName));
    }
}
