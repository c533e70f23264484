from crewai import Agent, Crew, Task
from crewai_tools import SerperDevTool

scout = Agent(role="Scout", goal="Find leads", backstory="Curious.", tools=[SerperDevTool()])
closer = Agent(role="Closer", goal="Close deals", backstory="Persuasive.")


def broken(:
    return None


leads = Task(description="Find leads", expected_output="Leads", agent=scout)
deals = Task(description="Close", expected_output="Deals", agent=closer)
sales_crew = Crew(agents=[scout, closer], tasks=[leads, deals])
