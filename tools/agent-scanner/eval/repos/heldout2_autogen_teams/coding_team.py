import asyncio
import os

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_agentchat.ui import Console
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient

az_client = AzureOpenAIChatCompletionClient(
    azure_deployment="gpt-4o",
    model="gpt-4o",
    api_version="2024-06-01",
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
)

coder = AssistantAgent(
    "coder",
    model_client=az_client,
    system_message="Write Python in ```python blocks to answer the question. Reply APPROVE when the output is right.",
)

executor = CodeExecutorAgent(
    "executor",
    code_executor=LocalCommandLineCodeExecutor(work_dir="scratch"),
)

coding_team = RoundRobinGroupChat([coder, executor], termination_condition=TextMentionTermination("APPROVE"))


async def main() -> None:
    await Console(coding_team.run_stream(task="Plot weekly active users from users.csv into wau.png"))


if __name__ == "__main__":
    asyncio.run(main())
