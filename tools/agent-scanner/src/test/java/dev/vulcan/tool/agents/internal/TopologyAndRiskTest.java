package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.tool.agents.Fixtures;
import dev.vulcan.tool.agents.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyAndRiskTest {

    private static final String CREW = """
            from crewai import Agent, Crew, Task
            from crewai_tools import SerperDevTool
            alpha = Agent(role="A", goal="g", backstory="b", tools=[SerperDevTool()])
            beta = Agent(role="B", goal="g", backstory="b", tools=[SerperDevTool()])
            t1 = Task(description="d", expected_output="e", agent=alpha)
            t2 = Task(description="d", expected_output="e", agent=beta)
            crew = Crew(agents=[alpha, beta], tasks=[t1, t2])
            """;

    @Test
    void the_signature_hash_ignores_names_but_not_shape(@TempDir Path tmp) {
        String a = hash(tmp.resolve("a"), CREW);
        String renamed = hash(tmp.resolve("b"), CREW.replace("alpha", "first").replace("beta", "second")
                .replace("crew =", "team ="));
        String reshaped = hash(tmp.resolve("c"), CREW.replace("tools=[SerperDevTool()])\nt1", "tools=[])\nt1"));
        assertThat(renamed).isEqualTo(a).matches("^[0-9a-f]{16}$");
        assertThat(reshaped).isNotEqualTo(a);
    }

    @Test
    void a_tool_shared_in_a_crew_is_cr05_with_sub_ids_for_further_instances(@TempDir Path tmp) {
        String three = CREW.replace("from crewai_tools import SerperDevTool",
                "from crewai_tools import SerperDevTool, ScrapeWebsiteTool")
                .replace("tools=[SerperDevTool()])", "tools=[SerperDevTool(), ScrapeWebsiteTool()])");
        var data = Fixtures.scan(Fixtures.write(tmp, Map.of("crew.py", three))).data();
        List<String> rules = new ArrayList<>();
        data.get("findings").forEach(f -> rules.add(f.get("rule_id").asString()));
        assertThat(rules).containsExactly("STRATUM-CR05", "STRATUM-CR05.1");
        assertThat(Rule.fromId("STRATUM-CR05.1")).isEqualTo(Rule.SHARED_TOOL_BLAST_RADIUS);
    }

    @Test
    void the_risk_score_is_monotone_and_bounded() {
        List<Findings.Finding> findings = new ArrayList<>();
        int previous = Findings.riskScore(findings);
        assertThat(previous).isZero();
        for (int i = 0; i < 30; i++) {
            Rule rule = Rule.values()[i % Rule.values().length];
            findings.add(new Findings.Finding("f" + i, rule.id(), rule, null, null, List.of(), List.of(), "r",
                    List.of()));
            int score = Findings.riskScore(findings);
            assertThat(score).isGreaterThanOrEqualTo(previous).isBetween(0, 100);
            previous = score;
        }
        assertThat(previous).isEqualTo(100);
    }

    private static String hash(Path dir, String source) {
        return Fixtures.scan(Fixtures.write(dir, Map.of("crew.py", source))).data()
                .at("/graph/topology_signature_hash").asString();
    }
}
