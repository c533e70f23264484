from langchain_openai import ChatOpenAI
from langchain_core.tools import tool
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import create_react_agent

model = ChatOpenAI(model="gpt-4o")


@tool
def query_sales(region: str) -> str:
    """Queries the sales warehouse."""
    import psycopg2
    cur = psycopg2.connect("dbname=sales").cursor()
    cur.execute("SELECT SUM(amount) FROM sales WHERE region = %s", (region,))
    return str(cur.fetchone())


@tool
def post_to_slack(text: str) -> str:
    """Posts a message to Slack."""
    import requests
    return requests.post("https://slack.example/hook", json={"text": text}).text


analyst = create_react_agent(model, tools=[query_sales], name="analyst")
reporter = create_react_agent(model, tools=[post_to_slack], name="reporter")


def supervisor(state: MessagesState):
    return state


builder = StateGraph(MessagesState)
builder.add_node("supervisor", supervisor)
builder.add_node("analyst", analyst)
builder.add_node("reporter", reporter)
builder.add_edge(START, "supervisor")
builder.add_edge("supervisor", "analyst")
builder.add_edge("analyst", "reporter")
builder.add_edge("reporter", END)
graph = builder.compile()
