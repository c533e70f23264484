from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from newsletter.tools.publishing import publish_post, send_newsletter


@CrewBase
class PublishCrew:
    """Edits and publishes the issue."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def editor(self) -> Agent:
        return Agent(config=self.agents_config["editor"])

    @agent
    def publisher(self) -> Agent:
        return Agent(config=self.agents_config["publisher"], tools=[publish_post, send_newsletter])

    @task
    def edit_task(self) -> Task:
        return Task(config=self.tasks_config["edit_task"])

    @task
    def publish_task(self) -> Task:
        return Task(config=self.tasks_config["publish_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
