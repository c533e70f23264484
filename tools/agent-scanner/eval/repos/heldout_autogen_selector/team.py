from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import MaxMessageTermination
from autogen_agentchat.teams import SelectorGroupChat
from autogen_ext.models.anthropic import AnthropicChatCompletionClient

client = AnthropicChatCompletionClient(model="claude-3-5-sonnet-20241022")


def search_flights(origin: str, destination: str) -> str:
    """Searches flights on the airline API."""
    import requests
    return requests.get("https://flights.example/search", params={"from": origin, "to": destination}).text


def book_flight(flight_id: str, card_number: str) -> str:
    """Charges the card and books the flight."""
    import stripe
    stripe.PaymentIntent.create(amount=1000, currency="usd")
    return "booked"


planner = AssistantAgent("planner", model_client=client, description="Plans.")
searcher = AssistantAgent("searcher", model_client=client, tools=[search_flights])
booker = AssistantAgent("booker", model_client=client, tools=[book_flight])

team = SelectorGroupChat([planner, searcher, booker], model_client=client,
                         termination_condition=MaxMessageTermination(10))
