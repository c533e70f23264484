package dev.vulcan.tool.agents;

import static dev.vulcan.tool.agents.GuardrailLinkingTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Idioms the fifth held-out set exposed (EVAL_STRATEGY.md): hand-built LangGraph multi-agent graphs (per-node
 * tools, {@code Command}/{@code Send} routing), SQL tools with several statements, approval callbacks on a tool,
 * Agents SDK run limits in another module, delete-only object-store tools.
 */
class HandBuiltGraphsAndBodiesTest {

    private static final String GRAPH_TOOLS = """
            import httpx
            import sqlite3
            from langchain_core.tools import tool

            @tool
            def fetch_page(url: str) -> str:
                \"\"\"Downloads a page.\"\"\"
                return httpx.get(url).text

            @tool
            def store_note(text: str) -> str:
                \"\"\"Stores a note.\"\"\"
                conn = sqlite3.connect("notes.db")
                conn.execute("INSERT INTO notes (text) VALUES (?)", (text,))
                return "ok"

            WEB_TOOLS = [fetch_page]
            NOTE_TOOLS = [store_note]
            """;

    private static JsonNode scan(Path tmp, String graph) {
        return Fixtures.scan(Fixtures.write(tmp, Map.of("app/tools.py", GRAPH_TOOLS, "app/graph.py", graph))).data();
    }

    @Test
    void each_node_owns_only_the_tools_it_binds_when_no_edge_leads_to_the_tool_nodes(@TempDir Path tmp) {
        String graph = """
                from langchain_openai import ChatOpenAI
                from langgraph.graph import StateGraph, MessagesState
                from langgraph.prebuilt import ToolNode
                from app.tools import WEB_TOOLS, NOTE_TOOLS

                llm = ChatOpenAI(model="gpt-4o")
                web_model = llm.bind_tools(WEB_TOOLS)

                def browser(state):
                    return {"messages": [web_model.invoke(state["messages"])]}

                def scribe(state):
                    model = llm.bind_tools(NOTE_TOOLS)
                    return {"messages": [model.invoke(state["messages"])]}

                def planner(state):
                    return {"messages": [llm.invoke(state["messages"])]}

                g = StateGraph(MessagesState)
                g.add_node("planner", planner)
                g.add_node("browser", browser)
                g.add_node("scribe", scribe)
                g.add_node("web_tools", ToolNode(WEB_TOOLS))
                g.add_node("note_tools", ToolNode(NOTE_TOOLS))
                app = g.compile()
                """;
        JsonNode data = scan(tmp, graph);
        assertThat(strings(data.at("/index/tool_links")))
                .containsExactlyInAnyOrder("browser->fetch_page", "scribe->store_note");
        assertThat(strings(data.at("/index/findings"))).noneMatch(f -> f.startsWith("STRATUM-CR05"));
    }

    @Test
    void an_agent_or_tool_node_built_inside_a_node_function_is_the_nodes_own_and_a_shared_tool_node_adds_nothing(
            @TempDir Path tmp) {
        String graph = """
                from langchain_openai import ChatOpenAI
                from langgraph.graph import StateGraph, MessagesState, START
                from langgraph.prebuilt import ToolNode, create_react_agent
                from app.tools import WEB_TOOLS, NOTE_TOOLS

                llm = ChatOpenAI(model="gpt-4o")

                def browser(state):
                    inner = create_react_agent(llm, WEB_TOOLS)
                    return inner.invoke(state)

                def scribe(state):
                    return ToolNode(NOTE_TOOLS).invoke(state)

                def planner(state):
                    return {"messages": [llm.invoke(state["messages"])]}

                g = StateGraph(MessagesState)
                g.add_node("planner", planner)
                g.add_node("browser", browser)
                g.add_node("scribe", scribe)
                g.add_node("all_tools", ToolNode(WEB_TOOLS + NOTE_TOOLS))
                g.add_edge(START, "planner")
                g.add_edge("planner", "browser")
                g.add_edge("browser", "scribe")
                app = g.compile()
                """;
        JsonNode data = scan(tmp, graph);
        assertThat(strings(data.at("/index/agents"))).containsExactly("g/browser", "g/planner", "g/scribe");
        assertThat(strings(data.at("/index/tool_links")))
                .containsExactlyInAnyOrder("browser->fetch_page", "scribe->store_note");
    }

    @Test
    void command_goto_returns_are_delegation_and_route_tool_nodes_to_their_caller(@TempDir Path tmp) {
        String graph = """
                from typing import Literal
                from langchain_openai import ChatOpenAI
                from langgraph.graph import StateGraph, MessagesState, START
                from langgraph.prebuilt import ToolNode
                from langgraph.types import Command, Send
                from app.tools import WEB_TOOLS, NOTE_TOOLS

                llm = ChatOpenAI(model="gpt-4o")

                def boss(state) -> Command[Literal["browser", "scribe", "__end__"]]:
                    pick = llm.invoke(state["messages"]).content
                    if pick == "both":
                        return Command(goto=[Send("browser", state), Send("scribe", state)])
                    return Command(goto=pick)

                def browser(state) -> Command[Literal["web_tools", "boss"]]:
                    return Command(goto="web_tools")

                def scribe(state):
                    if state["done"]:
                        return Command(goto=["boss"])
                    return Command(goto="note_tools", update={})

                g = StateGraph(MessagesState)
                g.add_node("boss", boss)
                g.add_node("browser", browser)
                g.add_node("scribe", scribe)
                g.add_node("web_tools", ToolNode(WEB_TOOLS))
                g.add_node("note_tools", ToolNode(NOTE_TOOLS))
                g.add_edge(START, "boss")
                app = g.compile()
                """;
        JsonNode data = scan(tmp, graph);
        assertThat(strings(data.at("/index/tool_links")))
                .containsExactlyInAnyOrder("browser->fetch_page", "scribe->store_note");
        assertThat(strings(data.at("/index/edges"))).contains("delegates_to:boss->browser",
                "delegates_to:boss->scribe", "delegates_to:browser->boss", "delegates_to:scribe->boss")
                .noneMatch(e -> e.contains("__end__") || e.contains("->web_tools"));
        assertThat(data.at("/summary/archetype_class").asString()).isEqualTo("hub_spoke");
    }

    @Test
    void send_fan_out_in_a_conditional_router_is_delegation(@TempDir Path tmp) {
        String graph = """
                from langgraph.graph import StateGraph
                from langgraph.types import Send

                def plan(state):
                    return {"topics": ["a", "b"]}

                def write(state):
                    return {"drafts": [state["topic"]]}

                def fan_out(state):
                    return [Send("write", {"topic": t}) for t in state["topics"]]

                g = StateGraph(dict)
                g.add_node("plan", plan)
                g.add_node("write", write)
                g.add_conditional_edges("plan", fan_out)
                app = g.compile()
                """;
        assertThat(strings(scan(tmp, graph).at("/index/edges"))).contains("delegates_to:plan->write");
    }

    @Test
    void an_approval_callback_on_a_langchain_tool_gates_that_tool_and_suppresses_the_financial_finding(
            @TempDir Path tmp) {
        String agent = """
                import stripe
                from langchain.agents import Tool, initialize_agent
                from langchain.callbacks import HumanApprovalCallbackHandler
                from langchain_openai import ChatOpenAI

                def refund(charge_id: str) -> str:
                    return stripe.Refund.create(charge=charge_id).id

                def payout(account: str) -> str:
                    return stripe.Payout.create(amount=100, destination=account).id

                approval = HumanApprovalCallbackHandler()
                tools = [
                    Tool(name="Refund", func=refund, description="Refunds a charge.", callbacks=[approval]),
                ]
                clerk = initialize_agent(tools, ChatOpenAI(model="gpt-4o"), max_iterations=3)
                cashier = initialize_agent([Tool(name="Payout", func=payout, description="Pays out.")],
                                           ChatOpenAI(model="gpt-4o"))
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("bot.py", agent))).data();
        assertThat(strings(data.at("/index/edges"))).contains("gated_by:Refund->human_in_the_loop")
                .doesNotContain("gated_by:Payout->human_in_the_loop", "gated_by:clerk->human_in_the_loop");
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-004@-");
        assertThat(GuardrailLinkingTest.finding(data, "STRATUM-004").toString()).contains("Payout")
                .doesNotContain("Refund");
    }

    @Test
    void runner_max_turns_bounds_the_starting_agent_also_when_imported_from_another_module(@TempDir Path tmp) {
        String specialists = """
                from agents import Agent

                writer = Agent(name="Writer", instructions="Write.")
                critic = Agent(name="Critic", instructions="Criticise.")
                idle = Agent(name="Idle", instructions="Nothing.")
                """;
        String main = """
                import asyncio
                from agents import Runner
                from app.specialists import writer, critic

                async def main():
                    return await Runner.run(writer, "topic", max_turns=12)

                def review():
                    return Runner.run_sync(starting_agent=critic, input="draft", max_turns=4)

                def unbounded():
                    return Runner.run_sync(critic, "draft", max_turns=None)
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("app/specialists.py", specialists,
                "app/main.py", main))).data();
        assertThat(strings(data.at("/index/edges"))).contains("filtered_by:Writer->recursion_limit",
                "filtered_by:Critic->recursion_limit").doesNotContain("filtered_by:Idle->recursion_limit");
    }

    @Test
    void tool_bodies_a_select_then_insert_reads_and_writes_and_a_delete_only_s3_tool_only_writes(@TempDir Path tmp) {
        String tools = """
                import boto3
                import psycopg
                from crewai import Agent
                from crewai.tools import tool

                s3 = boto3.client("s3")

                @tool("Purge")
                def purge(keys: list) -> str:
                    \"\"\"Deletes objects.\"\"\"
                    response = s3.delete_objects(Bucket="b", Delete={"Objects": [{"Key": k} for k in keys]})
                    return str(len(response.get("Errors", [])))

                @tool("Record")
                def record(name: str) -> str:
                    \"\"\"Records a name once.\"\"\"
                    with psycopg.connect("postgresql://db") as conn:
                        cur = conn.cursor()
                        cur.execute("SELECT id FROM people WHERE name = %s", (name,))
                        if cur.fetchone() is None:
                            cur.execute("INSERT INTO people (name) VALUES (%s)", (name,))
                    return "ok"

                keeper = Agent(role="keeper", goal="g", backstory="b", tools=[purge, record])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("crew.py", tools))).data();
        assertThat(strings(data.at("/index/edges"))).contains("writes_to:Purge->object_storage",
                "reads_from:Record->sql_database", "writes_to:Record->sql_database")
                .doesNotContain("reads_from:Purge->object_storage");
    }
}
