from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import SerperDevTool

from newsletter.tools.archive import ArchiveSearchTool


@CrewBase
class ResearchCrew:
    """Finds and summarises the week's news."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def researcher(self) -> Agent:
        return Agent(config=self.agents_config["researcher"], tools=[SerperDevTool(), ArchiveSearchTool()])

    @agent
    def summarizer(self) -> Agent:
        return Agent(config=self.agents_config["summarizer"])

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def summary_task(self) -> Task:
        return Task(config=self.tasks_config["summary_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential, verbose=True)
