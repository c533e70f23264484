from crewai import LLM, Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from lead_flow.tools import DraftSaverTool, EmailSenderTool


@CrewBase
class OutreachCrew:
    """Drafts and sends the first email to the best lead."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def copywriter(self) -> Agent:
        return Agent(
            config=self.agents_config["copywriter"],
            tools=[DraftSaverTool()],
            llm=LLM(model="gpt-4o", temperature=0.7),
        )

    @agent
    def sender(self) -> Agent:
        return Agent(
            config=self.agents_config["sender"],
            tools=[EmailSenderTool()],
        )

    @task
    def draft_email_task(self) -> Task:
        return Task(config=self.tasks_config["draft_email_task"])

    @task
    def send_email_task(self) -> Task:
        return Task(config=self.tasks_config["send_email_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            max_rpm=20,
        )
