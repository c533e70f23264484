from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import SerperDevTool

from lead_flow.tools import CrmLookupTool


@CrewBase
class LeadResearchCrew:
    """Finds and scores the open inbound leads of a segment."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def lead_researcher(self) -> Agent:
        return Agent(
            config=self.agents_config["lead_researcher"],
            tools=[CrmLookupTool(), SerperDevTool(n_results=5)],
        )

    @agent
    def lead_scorer(self) -> Agent:
        return Agent(
            config=self.agents_config["lead_scorer"],
            tools=[CrmLookupTool()],
        )

    @task
    def research_leads_task(self) -> Task:
        return Task(config=self.tasks_config["research_leads_task"])

    @task
    def score_leads_task(self) -> Task:
        return Task(config=self.tasks_config["score_leads_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=True,
        )
