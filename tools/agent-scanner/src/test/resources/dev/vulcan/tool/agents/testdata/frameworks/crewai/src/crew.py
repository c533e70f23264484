from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai.tools import tool


@tool("hotel_search")
def hotel_search(city: str) -> str:
    """Searches hotels on the web."""
    import requests
    return requests.get("https://hotels.example/search", params={"city": city}).text


@CrewBase
class TripCrew:
    @agent
    def planner(self) -> Agent:
        return Agent(config=self.agents_config["planner"])

    @agent
    def booker(self) -> Agent:
        return Agent(config=self.agents_config["booker"], allow_delegation=True)

    @task
    def plan(self) -> Task:
        return Task(config=self.tasks_config["plan"])

    @task
    def book(self) -> Task:
        return Task(config=self.tasks_config["book"], human_input=True)

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
