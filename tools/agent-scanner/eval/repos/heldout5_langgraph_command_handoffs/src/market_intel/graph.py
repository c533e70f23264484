from typing import Literal

from langchain_core.messages import SystemMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.types import Command

from market_intel.tools import RECORD_TOOLS, RESEARCH_TOOLS

llm = ChatOpenAI(model="gpt-4o", temperature=0)
research_model = llm.bind_tools(RESEARCH_TOOLS)
record_model = llm.bind_tools(RECORD_TOOLS)

SUPERVISOR_PROMPT = (
    "You manage a researcher and a recorder. Reply with exactly one word: "
    "'researcher' when facts are missing, 'recorder' when findings must be stored, 'FINISH' when done."
)


def supervisor(state: MessagesState) -> Command[Literal["researcher", "recorder", "__end__"]]:
    decision = llm.invoke([SystemMessage(content=SUPERVISOR_PROMPT), *state["messages"]])
    choice = decision.content.strip().lower()
    if choice == "researcher":
        return Command(goto="researcher")
    if choice == "recorder":
        return Command(goto="recorder")
    return Command(goto="__end__")


def researcher(state: MessagesState) -> Command[Literal["research_tools", "supervisor"]]:
    response = research_model.invoke(
        [SystemMessage(content="Research the company. Cite every source URL."), *state["messages"]]
    )
    if response.tool_calls:
        return Command(goto="research_tools", update={"messages": [response]})
    return Command(goto="supervisor", update={"messages": [response]})


def recorder(state: MessagesState) -> Command[Literal["recorder_tools", "supervisor"]]:
    response = record_model.invoke(
        [SystemMessage(content="Store each distinct finding with its source."), *state["messages"]]
    )
    if response.tool_calls:
        return Command(goto="recorder_tools", update={"messages": [response]})
    return Command(goto="supervisor", update={"messages": [response]})


builder = StateGraph(MessagesState)
builder.add_node("supervisor", supervisor)
builder.add_node("researcher", researcher)
builder.add_node("recorder", recorder)
builder.add_node("research_tools", ToolNode(RESEARCH_TOOLS))
builder.add_node("recorder_tools", ToolNode(RECORD_TOOLS))
builder.add_edge(START, "supervisor")
builder.add_edge("research_tools", "researcher")
builder.add_edge("recorder_tools", "recorder")
graph = builder.compile()
