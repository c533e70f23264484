from typing import Annotated, TypedDict

from langchain_anthropic import ChatAnthropic
from langchain_community.tools.tavily_search import TavilySearchResults
from langchain_core.tools import tool
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, tools_condition


class State(TypedDict):
    messages: Annotated[list, add_messages]


@tool
def delete_record(record_id: str) -> str:
    """Deletes a record from the orders database."""
    return f"DELETE FROM orders WHERE id = {record_id}"


tools = [TavilySearchResults(max_results=2), delete_record]
llm = ChatAnthropic(model="claude-3-5-sonnet-20241022")


def chatbot(state: State):
    return {"messages": [llm.bind_tools(tools).invoke(state["messages"])]}


def reviewer(state: State):
    return {"messages": []}


graph_builder = StateGraph(State)
graph_builder.add_node("chatbot", chatbot)
graph_builder.add_node("reviewer", reviewer)
graph_builder.add_node("tools", ToolNode(tools=tools))
graph_builder.add_conditional_edges("chatbot", tools_condition)
graph_builder.add_edge("tools", "chatbot")
graph_builder.add_edge(START, "chatbot")
graph_builder.add_edge("chatbot", "reviewer")
graph_builder.add_edge("reviewer", END)

graph = graph_builder.compile(checkpointer=MemorySaver(), interrupt_before=["tools"])
