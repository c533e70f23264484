from crewai import Agent, Crew, Process, Task
from crewai.tools import tool


@tool("Invoice Charger")
def charge_invoice(invoice_id: str) -> str:
    """Charges the customer's card for an invoice."""
    return "charged"


collector = Agent(role="Collector", goal="Collect payments", backstory="Persistent.", tools=[charge_invoice])
reviewer = Agent(role="Reviewer", goal="Review charges", backstory="Strict.")

collect = Task(description="Collect", expected_output="Receipts", agent=collector)
review = Task(description="Review", expected_output="Report", agent=reviewer, output_pydantic=dict)

billing_crew = Crew(agents=[collector, reviewer], tasks=[collect, review], process=Process.sequential)
