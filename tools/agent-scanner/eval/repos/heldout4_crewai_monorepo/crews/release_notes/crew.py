from crewai import Agent, Crew, Process, Task
from crewai_tools import FileWriterTool

from shared_tools import read_git_log, search_knowledge_base

git_historian = Agent(
    role="Git Historian",
    goal="List every user-visible change since the last release",
    backstory="You read commit logs like novels and know which commits matter to customers.",
    tools=[read_git_log],
)

writer = Agent(
    role="Release Notes Writer",
    goal="Write release notes in the style of the previous ones",
    backstory="You write short, concrete release notes grouped by product area.",
    tools=[search_knowledge_base, FileWriterTool()],
)

collect_changes = Task(
    description="Collect the changes since {since_tag}.",
    expected_output="A bullet list of user-visible changes with commit hashes.",
    agent=git_historian,
)

write_notes = Task(
    description="Write the release notes for {version} and save them to docs/releases/{version}.md.",
    expected_output="The markdown release notes.",
    agent=writer,
)

release_crew = Crew(
    agents=[git_historian, writer],
    tasks=[collect_changes, write_notes],
    process=Process.sequential,
)
