from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode

from support_bot.nodes import call_model, escalate_to_human, route_after_agent
from support_bot.state import SupportState
from support_bot.tools import TOOLS


def build_graph(checkpointer=None):
    workflow = StateGraph(SupportState)
    workflow.add_node("agent", call_model)
    workflow.add_node("tools", ToolNode(TOOLS))
    workflow.add_node("escalate", escalate_to_human)

    workflow.add_edge(START, "agent")
    workflow.add_conditional_edges(
        "agent",
        route_after_agent,
        {"tools": "tools", "escalate": "escalate", END: END},
    )
    workflow.add_edge("tools", "agent")
    workflow.add_edge("escalate", "agent")
    return workflow.compile(checkpointer=checkpointer)


graph = build_graph(MemorySaver())
