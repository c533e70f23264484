package dev.vulcan.tool.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class GuardrailLinkingTest {

    private static final String CREW = """
            from crewai import Agent, Crew, Task
            from crewai_tools import SerperDevTool, FileReadTool
            from pydantic import BaseModel

            class Out(BaseModel):
                x: str

            reader = Agent(role="Reader", goal="g", backstory="b", tools=[FileReadTool()])
            sender = Agent(role="Sender", goal="g", backstory="b", tools=[SerperDevTool()], max_iter=3)
            t1 = Task(description="d", expected_output="e", agent=reader, output_pydantic=Out)
            t2 = Task(description="d", expected_output="e", agent=sender, human_input=True)
            crew = Crew(agents=[reader, sender], tasks=[t1, t2])
            """;

    @Test
    void task_human_input_gates_the_task_agent_and_suppresses_the_exfiltration_finding(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("crew.py", CREW))).data();
        JsonNode hitl = guardrail(data, "human_in_the_loop");
        assertThat(strings(hitl.get("guards"))).containsExactly("agent:crew.py#sender");
        assertThat(hitl.get("linked").asBoolean()).isTrue();
        assertThat(strings(data.at("/index/edges"))).contains("gated_by:sender->human_in_the_loop",
                "filtered_by:reader->output_validation", "filtered_by:sender->recursion_limit");
        assertThat(strings(data.at("/index/findings"))).doesNotContain("STRATUM-001@crew");
    }

    @Test
    void without_the_human_gate_the_exfiltration_finding_fires_and_lists_the_other_guardrails(@TempDir Path tmp) {
        String ungated = CREW.replace(", human_input=True", "");
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("crew.py", ungated))).data();
        JsonNode finding = finding(data, "STRATUM-001");
        assertThat(finding.get("crew_id").asString()).isEqualTo("crew:crew.py#crew");
        assertThat(finding.get("severity").asString()).isEqualTo("high");
        assertThat(strings(finding.get("mitigated_by"))).hasSize(2)
                .allMatch(g -> g.endsWith(":output_validation") || g.endsWith(":recursion_limit"));
        assertThat(finding.get("evidence").get(0).get("path").asString()).isEqualTo("crew.py");
        assertThat(finding.get("remediation").asString()).contains("human_input=True");
    }

    @Test
    void langgraph_interrupt_before_a_tool_node_gates_its_tools(@TempDir Path tmp) {
        String graph = """
                from langgraph.graph import StateGraph
                from langgraph.prebuilt import ToolNode, tools_condition
                from langchain_core.tools import tool

                @tool
                def drop_table(name: str) -> str:
                    \"\"\"Drops a table.\"\"\"
                    return "DROP TABLE " + name

                g = StateGraph(dict)
                g.add_node("agent", lambda s: s)
                g.add_node("tools", ToolNode([drop_table]))
                g.add_conditional_edges("agent", tools_condition)
                app = g.compile(interrupt_before=["tools"])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("g.py", graph))).data();
        assertThat(strings(guardrail(data, "human_in_the_loop").get("guards"))).containsExactly("tool:drop_table");
        assertThat(strings(data.at("/index/tool_links"))).containsExactly("agent->drop_table");
        assertThat(strings(data.at("/index/findings"))).isEmpty();
    }

    @Test
    void a_guardrail_library_in_requirements_is_recorded_unlinked(@TempDir Path tmp) {
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("requirements.txt", "guardrails-ai==0.5.0\n")))
                .data();
        JsonNode g = guardrail(data, "guardrail_library");
        assertThat(g.get("linked").asBoolean()).isFalse();
        assertThat(g.get("guards")).isEmpty();
        assertThat(data.at("/summary/guardrail_linked_count").asInt()).isZero();
    }

    @Test
    void langchain_load_tools_names_become_tools(@TempDir Path tmp) {
        String bot = """
                from langchain.agents import initialize_agent, load_tools
                from langchain_openai import OpenAI
                llm = OpenAI(temperature=0)
                tools = load_tools(["serpapi", "terminal"], llm=llm)
                shell_bot = initialize_agent(tools, llm, max_iterations=5)
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("bot.py", bot))).data();
        assertThat(strings(data.at("/index/tool_links"))).containsExactly("shell_bot->serpapi", "shell_bot->terminal");
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-003@-");
        assertThat(finding(data, "STRATUM-003").get("mitigated_by")).hasSize(1);
    }

    static JsonNode guardrail(JsonNode data, String kind) {
        for (JsonNode g : data.get("guardrails")) {
            if (g.get("kind").asString().equals(kind)) {
                return g;
            }
        }
        throw new AssertionError("no " + kind + " guardrail in " + data.get("guardrails"));
    }

    static JsonNode finding(JsonNode data, String rule) {
        for (JsonNode f : data.get("findings")) {
            if (f.get("rule_id").asString().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding in " + data.get("findings"));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
