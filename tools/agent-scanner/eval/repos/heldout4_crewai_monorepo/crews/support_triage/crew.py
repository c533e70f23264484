from crewai import Agent, Crew, Process, Task

from shared_tools import search_knowledge_base, update_ticket

classifier = Agent(
    role="Support Ticket Classifier",
    goal="Label each ticket with product area, urgency and whether a known article answers it",
    backstory="You have triaged support queues for years and know the product inside out.",
    tools=[search_knowledge_base],
)

responder = Agent(
    role="Support Responder",
    goal="Answer the ticket with the right help article in the customer's tone",
    backstory="Friendly, precise, never promises features that do not exist.",
    tools=[search_knowledge_base, update_ticket],
)

classify = Task(
    description="Classify ticket {ticket_id}: {ticket_text}",
    expected_output="product area, urgency (low/normal/high) and the best matching article title",
    agent=classifier,
)

respond = Task(
    description="Write the public reply for ticket {ticket_id} and post it with the labels as tags.",
    expected_output="The reply as posted.",
    agent=responder,
    context=[classify],
    human_input=True,
)

triage_crew = Crew(agents=[classifier, responder], tasks=[classify, respond], process=Process.sequential)


def run(ticket_id: int, ticket_text: str) -> str:
    return triage_crew.kickoff(inputs={"ticket_id": ticket_id, "ticket_text": ticket_text}).raw
