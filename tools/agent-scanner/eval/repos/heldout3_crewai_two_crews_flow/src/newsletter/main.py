from crewai.flow.flow import Flow, listen, start
from pydantic import BaseModel

from newsletter.crews.publish_crew.publish_crew import PublishCrew
from newsletter.crews.research_crew.research_crew import ResearchCrew


class NewsletterState(BaseModel):
    topic: str = "AI agents"
    draft: str = ""
    url: str = ""


class NewsletterFlow(Flow[NewsletterState]):

    @start()
    def research(self):
        result = ResearchCrew().crew().kickoff(inputs={"topic": self.state.topic})
        self.state.draft = result.raw

    @listen(research)
    def publish(self):
        result = PublishCrew().crew().kickoff(inputs={"draft": self.state.draft})
        self.state.url = result.raw


def kickoff():
    NewsletterFlow().kickoff()
