package dev.vulcan.tool.agents;

import static dev.vulcan.tool.agents.GuardrailLinkingTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Idioms of real multi-file agent projects that the held-out evaluation sets exposed (EVAL_STRATEGY.md):
 * generic-alias agent construction, handoffs appended after construction, AgentChat handoffs by name, names
 * (tool lists, node functions, plain tool functions, helpers) imported from another module of the repository, and
 * run-config recursion limits.
 */
class CrossModuleIdiomsTest {

    @Test
    void an_agent_built_through_a_generic_alias_is_an_agent_with_its_tools_and_guardrails(@TempDir Path tmp) {
        String app = """
                from agents import Agent, function_tool, input_guardrail

                @function_tool
                def cancel_booking(ref: str) -> str:
                    \"\"\"Cancels a booking.\"\"\"
                    import os
                    os.remove(f"bookings/{ref}.json")
                    return "ok"

                @input_guardrail
                async def on_topic(ctx, agent, text):
                    return None

                desk = Agent[dict](name="Desk", tools=[cancel_booking], input_guardrails=[on_topic], model="gpt-4.1")
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("app.py", app))).data();
        assertThat(strings(data.at("/index/agents"))).containsExactly("-/Desk");
        assertThat(strings(data.at("/index/tool_links"))).containsExactly("Desk->cancel_booking");
        assertThat(strings(data.at("/index/edges"))).contains("filtered_by:Desk->input_validation");
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-002@-");
    }

    @Test
    void handoffs_appended_after_construction_are_delegations_across_files(@TempDir Path tmp) {
        String specialists = """
                from agents import Agent

                faq = Agent(name="FAQ")
                seats = Agent(name="Seats")
                """;
        String triage = """
                from agents import Agent, handoff
                from app.specialists import faq, seats

                triage = Agent(name="Triage", handoffs=[faq])
                triage.handoffs.append(handoff(agent=seats))
                faq.handoffs.append(triage)
                seats.handoffs.extend([triage, faq])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("app/specialists.py", specialists,
                "app/triage.py", triage))).data();
        assertThat(strings(data.at("/index/edges"))).containsExactlyInAnyOrder(
                "delegates_to:Triage->FAQ", "delegates_to:Triage->Seats", "delegates_to:FAQ->Triage",
                "delegates_to:Seats->Triage", "delegates_to:Seats->FAQ");
    }

    @Test
    void agentchat_handoffs_by_agent_name_are_delegations_and_the_user_is_no_agent(@TempDir Path tmp) {
        String team = """
                from autogen_agentchat.agents import AssistantAgent
                from autogen_agentchat.base import Handoff
                from autogen_agentchat.teams import Swarm

                planner = AssistantAgent("planner", model_client=None, handoffs=["writer", "user"])
                writer = AssistantAgent("writer", model_client=None, handoffs=[Handoff(target="planner")])
                team = Swarm([planner, writer])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("team.py", team))).data();
        assertThat(strings(data.at("/index/crews"))).containsExactly("team:swarm");
        assertThat(strings(data.at("/index/edges"))).containsExactlyInAnyOrder(
                "delegates_to:planner->writer", "delegates_to:writer->planner");
    }

    @Test
    void a_tool_node_list_and_node_functions_imported_from_other_modules_are_followed(@TempDir Path tmp) {
        Map<String, String> files = Map.of(
                "src/bot/tools.py", """
                        import psycopg
                        import httpx
                        from langchain_core.tools import tool

                        @tool
                        def lookup(email: str) -> str:
                            \"\"\"Finds the customer.\"\"\"
                            return str(psycopg.connect("db").execute("SELECT 1").fetchone())

                        @tool
                        def search_kb(q: str) -> str:
                            \"\"\"Searches the help center.\"\"\"
                            return httpx.get("https://kb.example", params={"q": q}).text

                        TOOLS = [lookup, search_kb]
                        """,
                "src/bot/nodes.py", """
                        from langgraph.types import interrupt

                        def call_model(state):
                            return state

                        def ask_human(state):
                            return {"answer": interrupt("help?")}
                        """,
                "src/bot/graph.py", """
                        from langgraph.graph import START, StateGraph
                        from langgraph.prebuilt import ToolNode

                        from bot.nodes import ask_human, call_model
                        from bot.tools import TOOLS

                        def build():
                            g = StateGraph(dict)
                            g.add_node("agent", call_model)
                            g.add_node("tools", ToolNode(TOOLS))
                            g.add_node("human", ask_human)
                            g.add_edge(START, "agent")
                            g.add_conditional_edges("agent", lambda s: "tools", {"tools": "tools", "human": "human"})
                            g.add_edge("tools", "agent")
                            return g.compile()
                        """);
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, files)).data();
        assertThat(strings(data.at("/index/tool_links"))).containsExactlyInAnyOrder("agent->lookup",
                "agent->search_kb");
        assertThat(strings(data.at("/index/edges"))).contains("gated_by:human->human_in_the_loop",
                "reads_from:lookup->sql_database", "calls:search_kb->http", "delegates_to:agent->human");
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-001@g");
    }

    @Test
    void a_plain_function_imported_as_a_tool_is_profiled_from_its_body_in_its_module(@TempDir Path tmp) {
        Map<String, String> files = Map.of(
                "toolbox/notify.py", """
                        import requests

                        def post_to_teams(text: str) -> str:
                            return requests.post("https://hooks.example/teams", json={"text": text}).text
                        """,
                "team.py", """
                        from autogen_agentchat.agents import AssistantAgent
                        from autogen_core.tools import FunctionTool
                        from toolbox.notify import post_to_teams

                        notifier = AssistantAgent("notifier", model_client=None,
                                                  tools=[FunctionTool(post_to_teams, description="Post")])
                        """);
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, files)).data();
        assertThat(strings(data.at("/index/edges"))).containsExactlyInAnyOrder(
                "tool_of:post_to_teams->notifier", "calls:post_to_teams->http");
    }

    @Test
    void a_tool_body_calling_a_repository_helper_gets_the_helpers_capabilities(@TempDir Path tmp) {
        Map<String, String> files = Map.of(
                "lib/net.py", """
                        import httpx

                        def fetch_text(url):
                            return _get(url)

                        def _get(url):
                            return httpx.get(url).text
                        """,
                "lib/agent_tools.py", """
                        from langchain_core.tools import tool
                        from lib.net import fetch_text

                        @tool
                        def summarize_url(url: str) -> str:
                            \"\"\"First paragraph of a page.\"\"\"
                            return fetch_text(url).split("\\n\\n")[0]
                        """,
                "agent.py", """
                        from langgraph.prebuilt import create_react_agent
                        from lib.agent_tools import summarize_url

                        reader = create_react_agent("openai:gpt-4o", tools=[summarize_url], name="reader")
                        """);
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, files)).data();
        assertThat(strings(data.at("/index/edges"))).containsExactlyInAnyOrder(
                "tool_of:summarize_url->reader", "calls:summarize_url->http");
    }

    @Test
    void a_run_config_recursion_limit_bounds_the_invoked_agent_or_graph_across_files(@TempDir Path tmp) {
        Map<String, String> files = Map.of(
                "app/setup.py", """
                        from langgraph.graph import StateGraph
                        from langgraph.prebuilt import create_react_agent

                        reporter = create_react_agent("openai:gpt-4o", tools=[], name="reporter")
                        idle = create_react_agent("openai:gpt-4o", tools=[], name="idle")
                        g = StateGraph(dict)
                        g.add_node("a", lambda s: s)
                        g.add_node("b", lambda s: s)
                        g.add_edge("a", "b")
                        app = g.compile()
                        """,
                "app/main.py", """
                        from langchain_core.runnables import RunnableConfig
                        from app.setup import app, idle, reporter

                        reporter.invoke({"messages": []}, {"recursion_limit": 12})
                        app.stream({}, config=RunnableConfig(recursion_limit=30))
                        idle.invoke({"messages": []}, {"configurable": {"thread_id": "1"}})
                        """);
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, files)).data();
        assertThat(strings(data.at("/index/edges"))).contains("filtered_by:reporter->recursion_limit",
                "filtered_by:a->recursion_limit", "filtered_by:b->recursion_limit")
                .doesNotContain("filtered_by:idle->recursion_limit");
    }
}
