#!/usr/bin/env python
from typing import Optional

from pydantic import BaseModel

from crewai.flow import Flow, listen, router, start

from lead_flow.crews.outreach_crew.outreach_crew import OutreachCrew
from lead_flow.crews.research_crew.research_crew import LeadResearchCrew


class LeadState(BaseModel):
    segment: str = "mid-market SaaS"
    shortlist: str = ""
    best_lead: Optional[str] = None
    email_sent: bool = False


class LeadFlow(Flow[LeadState]):

    @start()
    def research_leads(self):
        print(f"Researching new leads for {self.state.segment}")
        result = LeadResearchCrew().crew().kickoff(inputs={"segment": self.state.segment})
        self.state.shortlist = result.raw

    @router(research_leads)
    def anything_to_contact(self):
        return "contact" if self.state.shortlist.strip() else "nothing"

    @listen("contact")
    def write_and_send(self):
        result = OutreachCrew().crew().kickoff(
            inputs={"segment": self.state.segment, "shortlist": self.state.shortlist}
        )
        self.state.best_lead = result.raw.splitlines()[0] if result.raw else None
        self.state.email_sent = True

    @listen("nothing")
    def log_empty_run(self):
        print("No lead scored high enough today.")


def kickoff():
    LeadFlow().kickoff()


def plot():
    LeadFlow().plot()


if __name__ == "__main__":
    kickoff()
