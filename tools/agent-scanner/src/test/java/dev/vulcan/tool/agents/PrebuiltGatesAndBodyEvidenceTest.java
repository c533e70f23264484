package dev.vulcan.tool.agents;

import static dev.vulcan.tool.agents.GuardrailLinkingTest.finding;
import static dev.vulcan.tool.agents.GuardrailLinkingTest.guardrail;
import static dev.vulcan.tool.agents.GuardrailLinkingTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Idioms the fourth held-out set exposed (EVAL_STRATEGY.md): the interrupts of a prebuilt LangGraph agent gate its
 * tools, a tool body's method calls on a client created elsewhere (module level, another module) are evidence
 * that beats the tool's name, and the LangChain requests toolkit is a generic HTTP client.
 */
class PrebuiltGatesAndBodyEvidenceTest {

    private static final String OPS_TOOLS = """
            import subprocess
            import sqlite3
            import smtplib
            from langchain_core.tools import tool

            @tool
            def read_alerts(service: str) -> str:
                \"\"\"Recent alerts of a service.\"\"\"
                return str(sqlite3.connect("ops.db").execute("SELECT * FROM alerts").fetchall())

            @tool
            def restart_pod(pod: str) -> str:
                \"\"\"Restarts a pod.\"\"\"
                return subprocess.run(["kubectl", "delete", "pod", pod]).stdout

            @tool
            def mail_summary(text: str) -> str:
                \"\"\"Mails the summary.\"\"\"
                with smtplib.SMTP("smtp.example.com") as s:
                    s.sendmail("a@example.com", ["b@example.com"], text)
                return "sent"
            """;

    @Test
    void interrupt_before_tools_on_a_prebuilt_agent_gates_each_of_its_tools_not_the_agent(@TempDir Path tmp) {
        String agent = """
                from langgraph.prebuilt import create_react_agent
                from ops_tools import read_alerts, restart_pod

                medic = create_react_agent("openai:gpt-4o", [read_alerts, restart_pod], interrupt_before=["tools"])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("ops_tools.py", OPS_TOOLS, "agent.py", agent)))
                .data();
        assertThat(strings(guardrail(data, "human_in_the_loop").get("guards")))
                .containsExactly("tool:read_alerts", "tool:restart_pod");
        assertThat(strings(data.at("/index/edges")))
                .contains("gated_by:read_alerts->human_in_the_loop", "gated_by:restart_pod->human_in_the_loop")
                .doesNotContain("gated_by:medic->human_in_the_loop");
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-003@-");
    }

    @Test
    void interrupt_after_given_through_a_variable_list_gates_the_tools_and_a_model_node_gates_the_agent(
            @TempDir Path tmp) {
        String agent = """
                from langgraph.prebuilt import create_react_agent
                from ops_tools import restart_pod

                PAUSE_AFTER = ["tools"]
                PAUSE_BEFORE = ["agent"]
                fixer = create_react_agent("openai:gpt-4o", tools=[restart_pod], interrupt_after=PAUSE_AFTER)
                planner = create_react_agent("openai:gpt-4o", tools=[], interrupt_before=PAUSE_BEFORE)
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("ops_tools.py", OPS_TOOLS, "agent.py", agent)))
                .data();
        assertThat(strings(data.at("/index/edges"))).contains("gated_by:restart_pod->human_in_the_loop",
                "gated_by:planner->human_in_the_loop").doesNotContain("gated_by:fixer->human_in_the_loop");
        // STRATUM-003 fires even when gated; the gate is then listed as mitigating it
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-003@-");
        assertThat(strings(finding(data, "STRATUM-003").get("mitigated_by")))
                .anyMatch(g -> g.endsWith(":human_in_the_loop"));
    }

    @Test
    void a_tool_gated_by_one_agents_interrupt_stays_ungated_for_another_agent_using_it(@TempDir Path tmp) {
        String agents = """
                from langgraph.prebuilt import create_react_agent
                from ops_tools import read_alerts, mail_summary

                careful = create_react_agent("openai:gpt-4o", [read_alerts], interrupt_before=["tools"])
                nightly = create_react_agent("openai:gpt-4o", [read_alerts, mail_summary])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("ops_tools.py", OPS_TOOLS, "agents.py", agents)))
                .data();
        assertThat(strings(data.at("/index/edges"))).contains("gated_by:read_alerts->human_in_the_loop");
        // nightly reads and mails with nobody looking: the gate holds only for careful's use of read_alerts
        assertThat(strings(data.at("/index/findings"))).containsExactly("STRATUM-001@-");
    }

    @Test
    void a_search_named_tool_querying_a_module_level_vector_client_reads_the_store_and_calls_nothing(
            @TempDir Path tmp) {
        String kb = """
                import chromadb
                from crewai.tools import tool

                _client = chromadb.PersistentClient(path=".chroma")

                @tool("Docs Search")
                def search_docs(query: str) -> str:
                    \"\"\"Searches the product docs.\"\"\"
                    collection = _client.get_or_create_collection("docs")
                    return str(collection.query(query_texts=[query], n_results=3))
                """;
        String crew = """
                from crewai import Agent, Crew, Process, Task
                from kb import search_docs

                triager = Agent(role="Triager", goal="g", backstory="b", tools=[search_docs])
                answerer = Agent(role="Answerer", goal="g", backstory="b", tools=[search_docs])
                t1 = Task(description="d", expected_output="e", agent=triager)
                t2 = Task(description="d", expected_output="e", agent=answerer)
                support = Crew(agents=[triager, answerer], tasks=[t1, t2], process=Process.sequential)
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("kb.py", kb, "crew.py", crew))).data();
        assertThat(strings(data.at("/index/edges")))
                .contains("reads_from:Docs Search->vector_store")
                .noneMatch(e -> e.startsWith("calls:Docs Search->"));
        assertThat(strings(data.at("/index/findings"))).doesNotContain("STRATUM-001@support")
                .contains("STRATUM-CR05@support");
    }

    @Test
    void a_client_imported_from_another_module_or_kept_on_self_is_followed_to_its_constructor(@TempDir Path tmp) {
        Map<String, String> files = Map.of(
                "app/clients.py", """
                        import requests

                        session = requests.Session()
                        """,
                "app/tools.py", """
                        import psycopg
                        from crewai.tools import BaseTool
                        from app.clients import session

                        class CatalogLookup(BaseTool):
                            name: str = "Catalog Web Lookup"
                            description: str = "Looks a product up."

                            def __init__(self):
                                super().__init__()
                                self.conn = psycopg.connect("dbname=shop")

                            def _run(self, sku: str) -> str:
                                return str(self.conn.execute("SELECT name FROM products WHERE sku = %s", [sku]))

                        class PriceFeed(BaseTool):
                            name: str = "Price Reader"
                            description: str = "Current price."

                            def _run(self, sku: str) -> str:
                                return session.get("https://prices.example.com/" + sku).text
                        """,
                "app/crew.py", """
                        from crewai import Agent
                        from app.tools import CatalogLookup, PriceFeed

                        clerk = Agent(role="Clerk", goal="g", backstory="b", tools=[CatalogLookup(), PriceFeed()])
                        """);
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, files)).data();
        assertThat(strings(data.at("/index/edges"))).contains("reads_from:Catalog Web Lookup->sql_database",
                "calls:Price Reader->http")
                .doesNotContain("calls:Catalog Web Lookup->web", "reads_from:Price Reader->filesystem");
    }

    @Test
    void a_tool_whose_body_shows_nothing_and_a_builtin_are_still_classified_by_name_and_catalog(
            @TempDir Path tmp) {
        String crew = """
                from crewai import Agent
                from crewai.tools import tool
                from crewai_tools import SerperDevTool
                from langchain_community.tools.requests.tool import RequestsGetTool

                @tool("Web Search")
                def web_search(q: str) -> str:
                    \"\"\"Searches the web.\"\"\"
                    return backend.run(q)

                scout = Agent(role="Scout", goal="g", backstory="b",
                              tools=[web_search, SerperDevTool(), RequestsGetTool(requests_wrapper=None)])
                """;
        JsonNode data = Fixtures.scan(Fixtures.write(tmp, Map.of("crew.py", crew))).data();
        assertThat(strings(data.at("/index/edges"))).contains("calls:Web Search->web_search",
                "calls:SerperDevTool->web_search", "calls:RequestsGetTool->http")
                .doesNotContain("calls:RequestsGetTool->web");
    }
}
