import random

from agents import Agent, RunContextWrapper, handoff
from agents.extensions.handoff_prompt import RECOMMENDED_PROMPT_PREFIX

from airline.context import AirlineAgentContext
from airline.guardrails import jailbreak_guardrail, relevance_guardrail
from airline.tools import cancel_flight, faq_lookup_tool, flight_status_tool, update_seat

MODEL = "gpt-4.1"


async def on_seat_booking_handoff(context: RunContextWrapper[AirlineAgentContext]) -> None:
    context.context.flight_number = f"FLT-{random.randint(100, 999)}"


async def on_cancellation_handoff(context: RunContextWrapper[AirlineAgentContext]) -> None:
    if context.context.confirmation_number is None:
        context.context.confirmation_number = "".join(random.choices("ABCDEFGHJKLMNPQRSTUVWXYZ", k=6))


seat_booking_agent = Agent[AirlineAgentContext](
    name="Seat Booking Agent",
    model=MODEL,
    handoff_description="Updates the seat of a booked flight.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} Ask for the confirmation number and the new seat, then update it.",
    tools=[update_seat],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

flight_status_agent = Agent[AirlineAgentContext](
    name="Flight Status Agent",
    model=MODEL,
    handoff_description="Answers questions about the status of a flight.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} Use the flight status tool.",
    tools=[flight_status_tool],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

cancellation_agent = Agent[AirlineAgentContext](
    name="Cancellation Agent",
    model=MODEL,
    handoff_description="Cancels a booking.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} Confirm the booking with the customer, then cancel it.",
    tools=[cancel_flight],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

faq_agent = Agent[AirlineAgentContext](
    name="FAQ Agent",
    model=MODEL,
    handoff_description="Answers questions about the airline.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} Answer with the FAQ lookup tool, never from memory.",
    tools=[faq_lookup_tool],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

triage_agent = Agent[AirlineAgentContext](
    name="Triage Agent",
    model=MODEL,
    handoff_description="Routes the customer to the right agent.",
    instructions=f"{RECOMMENDED_PROMPT_PREFIX} Delegate every question to the right agent.",
    handoffs=[
        flight_status_agent,
        handoff(agent=cancellation_agent, on_handoff=on_cancellation_handoff),
        faq_agent,
        handoff(agent=seat_booking_agent, on_handoff=on_seat_booking_handoff),
    ],
    input_guardrails=[relevance_guardrail, jailbreak_guardrail],
)

# The specialists hand back to triage when the question is outside their scope.
faq_agent.handoffs.append(triage_agent)
seat_booking_agent.handoffs.append(triage_agent)
flight_status_agent.handoffs.append(triage_agent)
cancellation_agent.handoffs.append(triage_agent)
