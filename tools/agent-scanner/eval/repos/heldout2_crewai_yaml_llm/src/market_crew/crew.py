from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import FileWriterTool, ScrapeWebsiteTool

from market_crew.tools import StockPriceTool, portfolio_lookup


@CrewBase
class MarketCrew:
    """Daily market briefing crew."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def market_researcher(self) -> Agent:
        return Agent(
            config=self.agents_config["market_researcher"],
            tools=[ScrapeWebsiteTool(), StockPriceTool()],
            verbose=True,
        )

    @agent
    def portfolio_analyst(self) -> Agent:
        return Agent(
            config=self.agents_config["portfolio_analyst"],
            tools=[portfolio_lookup, StockPriceTool()],
            verbose=True,
        )

    @agent
    def briefing_writer(self) -> Agent:
        return Agent(
            config=self.agents_config["briefing_writer"],
            tools=[FileWriterTool()],
        )

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def analysis_task(self) -> Task:
        return Task(config=self.tasks_config["analysis_task"])

    @task
    def briefing_task(self) -> Task:
        return Task(config=self.tasks_config["briefing_task"], output_file="output/briefing.md")

    @crew
    def crew(self) -> Crew:
        """Creates the MarketCrew crew."""
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=True,
        )
