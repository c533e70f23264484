import asyncio

from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import Swarm
from autogen_agentchat.ui import Console
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import OpenAIChatCompletionClient

from toolbox.metrics import query_metrics
from toolbox.notify import post_to_teams

model_client = OpenAIChatCompletionClient(model="gpt-4o", parallel_tool_calls=False)

metrics_tool = FunctionTool(query_metrics, description="Query the product metrics warehouse.")

planner = AssistantAgent(
    "planner",
    model_client=model_client,
    handoffs=["analyst", "notifier"],
    system_message="You plan the weekly metrics review. Hand off to the analyst for numbers and to the "
    "notifier to publish. Say TERMINATE when the summary is published.",
)

analyst = AssistantAgent(
    "analyst",
    model_client=model_client,
    handoffs=["planner"],
    tools=[metrics_tool],
    system_message="You query the warehouse and summarise the trends, then hand back to the planner.",
)

notifier = AssistantAgent(
    "notifier",
    model_client=model_client,
    handoffs=["planner"],
    tools=[post_to_teams],
    system_message="You publish the summary to Teams, then hand back to the planner.",
)

termination = TextMentionTermination("TERMINATE") | MaxMessageTermination(30)
research_team = Swarm([planner, analyst, notifier], termination_condition=termination)


async def main() -> None:
    await Console(research_team.run_stream(task="Prepare the weekly activation review."))
    await model_client.close()


if __name__ == "__main__":
    asyncio.run(main())
