from crewai import LLM, Agent, Crew, Process, Task
from crewai_tools import SerperDevTool

from infra_crew.tools import delete_s3_objects, list_s3_objects, run_shell

worker_llm = LLM(model="gpt-4o-mini", temperature=0.1)

investigator = Agent(
    role="Incident Investigator",
    goal="Find out why the build storage is filling up: {incident}",
    backstory="A site reliability engineer who reads disk usage and logs before guessing.",
    tools=[run_shell, SerperDevTool()],
    allow_delegation=True,
    max_iter=8,
    llm=worker_llm,
)

storage_admin = Agent(
    role="Storage Administrator",
    goal="Keep the artifact bucket under quota without losing release artifacts",
    backstory="Owns the S3 lifecycle rules and knows which prefixes are safe to clean.",
    tools=[list_s3_objects, delete_s3_objects],
    allow_delegation=True,
    llm=worker_llm,
)

postmortem_writer = Agent(
    role="Postmortem Writer",
    goal="Write a blameless postmortem of the incident",
    backstory="Turns investigation notes into a clear timeline and action items.",
    llm=worker_llm,
)

investigate = Task(
    description="Investigate the incident: {incident}. Identify what is consuming the space.",
    expected_output="The root cause and the prefixes or paths responsible.",
)
cleanup = Task(
    description="Free space in the artifact bucket; never touch the releases/ prefix.",
    expected_output="The list of deleted keys and the space reclaimed.",
)
write_postmortem = Task(
    description="Write the postmortem of the incident.",
    expected_output="A markdown postmortem with timeline, root cause and action items.",
)

incident_crew = Crew(
    agents=[investigator, storage_admin, postmortem_writer],
    tasks=[investigate, cleanup, write_postmortem],
    process=Process.hierarchical,
    manager_llm="gpt-4o",
    max_rpm=20,
    verbose=True,
)
