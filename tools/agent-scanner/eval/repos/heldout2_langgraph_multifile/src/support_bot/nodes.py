from langchain_core.messages import AIMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import END
from langgraph.types import interrupt

from support_bot.state import SupportState
from support_bot.tools import TOOLS

SYSTEM = SystemMessage(
    content="You are a support agent. Look the customer up first. Escalate when you cannot help."
)

model = ChatOpenAI(model="gpt-4o-mini", temperature=0).bind_tools(TOOLS)


def call_model(state: SupportState) -> dict:
    response = model.invoke([SYSTEM, *state["messages"]])
    return {"messages": [response]}


def escalate_to_human(state: SupportState) -> dict:
    answer = interrupt({"question": "The agent needs help with this conversation.",
                        "messages": state["messages"][-3:]})
    return {"messages": [AIMessage(content=answer)], "escalated": True}


def route_after_agent(state: SupportState) -> str:
    last = state["messages"][-1]
    if "ESCALATE" in str(last.content):
        return "escalate"
    if getattr(last, "tool_calls", None):
        return "tools"
    return END
