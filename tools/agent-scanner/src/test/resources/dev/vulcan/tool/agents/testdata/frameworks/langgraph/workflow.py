from typing import TypedDict

from langchain_openai import ChatOpenAI
from langgraph.graph import END, StateGraph


class S(TypedDict):
    text: str


model = ChatOpenAI(model="gpt-4o-mini")


def draft(state: S) -> S:
    return {"text": model.invoke(state["text"]).content}


def critique(state: S) -> S:
    return state


def route(state: S) -> str:
    if len(state["text"]) > 100:
        return "publish"
    return "draft"


def publish(state: S) -> S:
    return state


wf = StateGraph(S)
wf.add_node("draft", draft)
wf.add_node("critique", critique)
wf.add_node("publish", publish)
wf.set_entry_point("draft")
wf.add_edge("draft", "critique")
wf.add_conditional_edges("critique", route, {"publish": "publish", "draft": "draft"})
wf.add_edge("publish", END)
app = wf.compile(interrupt_after=["publish"])
