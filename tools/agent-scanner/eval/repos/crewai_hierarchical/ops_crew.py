from crewai import Agent, Crew, Process, Task
from crewai_tools import DirectoryReadTool, FileWriterTool

manager = Agent(
    role="Operations Manager",
    goal="Coordinate the cleanup",
    backstory="Runs the team.",
    allow_delegation=True,
    llm="claude-3-5-sonnet-20241022",
)

archivist = Agent(
    role="Archivist",
    goal="Find stale files",
    backstory="Knows the archive.",
    tools=[DirectoryReadTool()],
)

janitor = Agent(
    role="Janitor",
    goal="Rewrite the index files",
    backstory="Tidy.",
    tools=[FileWriterTool()],
    max_iter=5,
)

find = Task(description="Find stale files", expected_output="A list", agent=archivist)
clean = Task(description="Rewrite the index", expected_output="Done", agent=janitor)

crew = Crew(
    agents=[archivist, janitor],
    tasks=[find, clean],
    process=Process.hierarchical,
    manager_agent=manager,
)
