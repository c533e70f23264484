package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.tool.agents.Archetype;
import dev.vulcan.tool.agents.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchetypesTest {

    private static final String PIPELINE = """
            from crewai import Agent, Crew, Task
            alpha = Agent(role="A", goal="g", backstory="b")
            beta = Agent(role="B", goal="g", backstory="b")
            t1 = Task(description="d", expected_output="e", agent=alpha)
            t2 = Task(description="d", expected_output="e", agent=beta)
            crew = Crew(agents=[alpha, beta], tasks=[t1, t2])
            """;

    private static String archetypeOf(Path root, Map<String, String> files) {
        return Fixtures.scan(Fixtures.write(root, files)).data().get("summary").get("archetype_class").asString();
    }

    @Test
    void a_repository_without_agents_is_none(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("lib.py", "def f():\n    return 1\n"))).isEqualTo("none");
    }

    @Test
    void one_agent_is_single_agent(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("bot.py", """
                from agents import Agent
                helper = Agent(name="helper", instructions="help")
                """))).isEqualTo("single_agent");
    }

    @Test
    void unlinked_agents_are_independent_agents(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("a.py", """
                from agents import Agent
                one = Agent(name="one", instructions="x")
                """, "b.py", """
                from agents import Agent
                two = Agent(name="two", instructions="y")
                """))).isEqualTo("independent_agents");
    }

    @Test
    void a_sequential_crew_is_a_sequential_pipeline(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("crew.py", PIPELINE))).isEqualTo("sequential_pipeline");
    }

    @Test
    void a_hierarchical_crew_is_hierarchical(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("crew.py", PIPELINE.replace("from crewai import Agent, Crew, Task",
                "from crewai import Agent, Crew, Task, Process").replace("tasks=[t1, t2])",
                "tasks=[t1, t2], process=Process.hierarchical, manager_llm=\"gpt-4o\")"))))
                .isEqualTo("hierarchical");
    }

    @Test
    void a_triage_agent_handing_off_to_every_other_agent_is_hub_spoke(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("triage.py", """
                from agents import Agent
                billing = Agent(name="billing", instructions="b")
                refunds = Agent(name="refunds", instructions="r")
                faq = Agent(name="faq", instructions="f")
                triage = Agent(name="triage", instructions="t", handoffs=[billing, refunds, faq])
                """))).isEqualTo("hub_spoke");
    }

    @Test
    void a_group_chat_is_a_mesh(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("chat.py", """
                from autogen import AssistantAgent, GroupChat, GroupChatManager
                writer = AssistantAgent(name="writer", llm_config={"model": "gpt-4o"})
                critic = AssistantAgent(name="critic", llm_config={"model": "gpt-4o"})
                chat = GroupChat(agents=[writer, critic], messages=[])
                manager = GroupChatManager(groupchat=chat, llm_config={"model": "gpt-4o"})
                """))).isEqualTo("mesh");
    }

    @Test
    void two_crews_with_agents_are_multi_crew(@TempDir Path tmp) {
        assertThat(archetypeOf(tmp, Map.of("one/crew.py", PIPELINE, "two/crew.py", PIPELINE)))
                .isEqualTo("multi_crew");
    }

    @Test
    void agent_graph_shapes_map_to_chain_star_tree_and_mesh() {
        assertThat(Archetypes.ofAgentGraph(links("a>b", "b>c", "c>d"))).isEqualTo(Archetype.SEQUENTIAL_PIPELINE);
        assertThat(Archetypes.ofAgentGraph(links("s>a", "a>s", "s>b", "b>s"))).isEqualTo(Archetype.HUB_SPOKE);
        assertThat(Archetypes.ofAgentGraph(links("r>a", "r>b", "a>c", "a>d"))).isEqualTo(Archetype.HIERARCHICAL);
        assertThat(Archetypes.ofAgentGraph(links("a>b", "b>c", "c>a"))).isEqualTo(Archetype.MESH);
        assertThat(Archetypes.ofAgentGraph(links("a>b", "c", "d"))).isEqualTo(Archetype.SEQUENTIAL_PIPELINE);
        assertThat(Archetypes.ofAgentGraph(links("a", "b"))).isEqualTo(Archetype.INDEPENDENT_AGENTS);
    }

    @Test
    void codes_round_trip_and_unknown_codes_are_rejected() {
        for (Archetype a : Archetype.values()) {
            assertThat(Archetype.fromCode(a.code())).isEqualTo(a);
        }
        assertThatThrownBy(() -> Archetype.fromCode("star")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("star");
    }

    /** Builds out-links from "x>y" (a link) or "x" (a lone agent) specs. */
    private static Map<String, Set<String>> links(String... specs) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split(">");
            for (String p : parts) {
                out.computeIfAbsent(p, k -> new LinkedHashSet<>());
            }
            if (parts.length == 2) {
                out.get(parts[0]).add(parts[1]);
            }
        }
        return out;
    }
}
