from agents import Agent, InputGuardrail, function_tool


@function_tool
def send_email(to: str, body: str) -> str:
    """Sends an e-mail."""
    import smtplib
    smtplib.SMTP("localhost").sendmail("bot@example.com", [to], body)
    return "sent"


@function_tool
def search_docs(query: str) -> str:
    """Searches the knowledge base."""
    import chromadb
    return str(chromadb.Client().get_collection("docs").query(query_texts=[query]))


escalation = Agent(name="Escalation", instructions="Escalate.", tools=[send_email])
support = Agent(
    name="Support",
    instructions="Help customers.",
    tools=[search_docs],
    handoffs=[escalation],
    input_guardrails=[InputGuardrail(guardrail_function=None)],
)
