import asyncio

from autogen_agentchat.agents import AssistantAgent, UserProxyAgent
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_ext.models.openai import OpenAIChatCompletionClient


async def get_weather(city: str) -> str:
    """Gets the weather for a city from the weather API."""
    import httpx
    return httpx.get(f"https://weather.example/{city}").text


model_client = OpenAIChatCompletionClient(model="gpt-4o-2024-08-06")

weather_agent = AssistantAgent("weather_agent", model_client=model_client, tools=[get_weather])
writer = AssistantAgent("writer", model_client=model_client, system_message="Write a short report.")
approver = UserProxyAgent("approver")

team = RoundRobinGroupChat([weather_agent, writer, approver], max_turns=6)


async def main() -> None:
    await team.run(task="What is the weather in Paris?")


asyncio.run(main())
