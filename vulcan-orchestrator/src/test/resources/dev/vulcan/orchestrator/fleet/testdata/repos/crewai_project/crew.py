import os

import requests
from crewai import Agent, Crew, Process, Task
from crewai.tools import tool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", api_key=os.getenv("OPENAI_API_KEY"))


@tool("Customer DB Reader")
def read_customers(query: str) -> str:
    """Reads customer rows from the CRM database."""
    import sqlite3
    conn = sqlite3.connect("crm.db")
    return str(conn.execute("SELECT name, email FROM customers").fetchall())


@tool("Slack Notifier")
def notify_slack(message: str) -> str:
    """Posts a message to the team channel."""
    return requests.post("https://hooks.slack.example/T000", json={"text": message}).text


analyst = Agent(
    role="Customer Analyst",
    goal="Summarize customer activity",
    backstory="Knows the CRM.",
    tools=[read_customers],
    llm=llm,
)

auditor = Agent(
    role="Data Auditor",
    goal="Check the analyst's numbers",
    backstory="Careful.",
    tools=[read_customers],
    llm=llm,
)

messenger = Agent(
    role="Messenger",
    goal="Tell the team",
    backstory="Friendly.",
    tools=[notify_slack],
    llm=llm,
)

analyze = Task(description="Analyze customers", expected_output="Summary", agent=analyst)
audit = Task(description="Audit the summary", expected_output="Audit", agent=auditor, context=[analyze])
announce = Task(description="Announce", expected_output="Message sent", agent=messenger)

crew = Crew(
    agents=[analyst, auditor, messenger],
    tasks=[analyze, audit, announce],
    process=Process.sequential,
)
