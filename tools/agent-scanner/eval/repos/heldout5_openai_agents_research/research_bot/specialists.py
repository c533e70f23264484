import os
from pathlib import Path

from agents import Agent, FileSearchTool, ModelSettings, WebSearchTool, function_tool

from research_bot.models import ResearchReport

ARCHIVE_VECTOR_STORE_ID = os.environ.get("ARCHIVE_VECTOR_STORE_ID", "vs_replace_me")
REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", "reports"))


@function_tool
def save_report(slug: str, markdown: str) -> str:
    """Save the finished report as reports/<slug>.md, replacing an older version."""
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORTS_DIR / f"{slug}.md"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(markdown)
    return str(path)


web_researcher = Agent(
    name="Web Researcher",
    instructions=(
        "Search the web for the given topic. Summarise what you find in under 300 words and list the URLs."
    ),
    tools=[WebSearchTool(search_context_size="medium")],
    model="gpt-4.1-mini",
    model_settings=ModelSettings(tool_choice="required"),
)

archivist = Agent(
    name="Archivist",
    instructions="Search our archive of past briefs and return the passages relevant to the topic.",
    tools=[FileSearchTool(vector_store_ids=[ARCHIVE_VECTOR_STORE_ID], max_num_results=5)],
    model="gpt-4.1-mini",
)

report_writer = Agent(
    name="Report Writer",
    instructions=(
        "Plan the research, call the web researcher and the archivist, then write the report. "
        "Save it with save_report before answering."
    ),
    tools=[
        web_researcher.as_tool(
            tool_name="research_web",
            tool_description="Research a topic on the live web.",
        ),
        archivist.as_tool(
            tool_name="search_archive",
            tool_description="Find what our past briefs say about a topic.",
        ),
        save_report,
    ],
    output_type=ResearchReport,
    model="gpt-4.1",
)
