from crewai import Agent, Crew, Task
from crewai_tools import ScrapeWebsiteTool, SerperDevTool

search = SerperDevTool()

triager = Agent(role="Triager", goal="Sort tickets", backstory="Fast.", tools=[search])
responder = Agent(role="Responder", goal="Answer tickets", backstory="Kind.", tools=[search, ScrapeWebsiteTool()])

triage = Task(description="Triage", expected_output="Labels", agent=triager)
respond = Task(description="Respond", expected_output="Reply", agent=responder, human_input=True)

support_crew = Crew(agents=[triager, responder], tasks=[triage, respond])
