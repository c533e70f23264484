from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent, UserProxyAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat, SelectorGroupChat
from autogen_ext.code_executors.docker import DockerCommandLineCodeExecutor
from autogen_ext.models.openai import OpenAIChatCompletionClient

from analytics.tools import load_sales_csv, publish_to_wiki, query_inventory, send_report_email

model_client = OpenAIChatCompletionClient(model="gpt-4o")
fast_client = OpenAIChatCompletionClient(model="gpt-4o-mini")

SELECTOR_PROMPT = """Select the agent that should speak next.

{roles}

Conversation so far:
{history}

Read the conversation, then pick one agent from {participants}. The planner speaks first and assigns work.
Only select one agent.
"""

planner = AssistantAgent(
    "planner",
    description="Breaks the weekly review into steps and assigns them.",
    model_client=model_client,
    system_message="You plan the weekly sales review. Assign one step at a time. "
    "Say TERMINATE when the reporter has sent the summary.",
)

data_engineer = AssistantAgent(
    "data_engineer",
    description="Loads the sales export and the inventory.",
    model_client=fast_client,
    tools=[load_sales_csv, query_inventory],
    reflect_on_tool_use=True,
)

code_runner = CodeExecutorAgent(
    "code_runner",
    code_executor=DockerCommandLineCodeExecutor(image="python:3.12-slim", work_dir="scratch"),
)

reporter = AssistantAgent(
    "reporter",
    description="Writes the summary and emails it.",
    model_client=model_client,
    tools=[send_report_email],
)

termination = TextMentionTermination("TERMINATE") | MaxMessageTermination(max_messages=25)

analysis_team = SelectorGroupChat(
    [planner, data_engineer, code_runner, reporter],
    model_client=fast_client,
    termination_condition=termination,
    selector_prompt=SELECTOR_PROMPT,
    allow_repeated_speaker=True,
)

reviewer = AssistantAgent(
    "reviewer",
    model_client=model_client,
    tools=[publish_to_wiki],
    system_message="Check the summary for wrong numbers, then publish it to the wiki once the approver agrees.",
)

approver = UserProxyAgent("approver", input_func=input)

review_team = RoundRobinGroupChat([reviewer, approver], max_turns=4)
