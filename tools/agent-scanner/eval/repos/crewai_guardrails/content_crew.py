from crewai import Agent, Crew, Process, Task
from crewai_tools import FileReadTool, WebsiteSearchTool
from pydantic import BaseModel


class Article(BaseModel):
    title: str
    body: str


def no_pii(output):
    return (True, output)


reader = Agent(role="Reader", goal="Read the brief", backstory="Reads.", tools=[FileReadTool()], max_rpm=10)
writer = Agent(role="Writer", goal="Write the article", backstory="Writes.", tools=[WebsiteSearchTool()])
editor = Agent(role="Editor", goal="Edit", backstory="Edits.", tools=[FileReadTool()])

brief = Task(description="Read the brief", expected_output="Notes", agent=reader)
draft = Task(description="Draft", expected_output="Article", agent=writer, context=[brief],
             output_pydantic=Article, guardrail=no_pii)
edit = Task(description="Edit", expected_output="Final", agent=editor, human_input=True)

content_crew = Crew(agents=[reader, writer, editor], tasks=[brief, draft, edit], process=Process.sequential)
