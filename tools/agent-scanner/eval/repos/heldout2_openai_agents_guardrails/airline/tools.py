import json
import sqlite3
from pathlib import Path

import httpx
from agents import RunContextWrapper, function_tool

from airline.context import AirlineAgentContext

FAQ_FILE = Path(__file__).parent.parent / "data" / "faq.json"
STATUS_API = "https://status.example-air.com/v1/flights"


@function_tool(name_override="faq_lookup", description_override="Look up frequently asked questions.")
async def faq_lookup_tool(question: str) -> str:
    with open(FAQ_FILE) as f:
        answers = json.load(f)
    for topic, answer in answers.items():
        if topic in question.lower():
            return answer
    return "I'm sorry, I don't know the answer to that question."


@function_tool
async def update_seat(
    context: RunContextWrapper[AirlineAgentContext], confirmation_number: str, new_seat: str
) -> str:
    """Update the seat for a given confirmation number.

    Args:
        confirmation_number: The confirmation number for the flight.
        new_seat: The new seat to update to.
    """
    context.context.confirmation_number = confirmation_number
    context.context.seat_number = new_seat
    return f"Updated seat to {new_seat} for confirmation number {confirmation_number}"


@function_tool
async def flight_status_tool(flight_number: str) -> str:
    """Look up the live status of a flight."""
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(f"{STATUS_API}/{flight_number}")
    return resp.json()["status"]


@function_tool
def cancel_flight(context: RunContextWrapper[AirlineAgentContext]) -> str:
    """Cancel the passenger's booking."""
    conn = sqlite3.connect("bookings.db")
    with conn:
        conn.execute("DELETE FROM bookings WHERE confirmation = ?", (context.context.confirmation_number,))
    return f"Booking {context.context.confirmation_number} cancelled"
