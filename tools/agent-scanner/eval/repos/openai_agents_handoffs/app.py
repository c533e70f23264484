from pydantic import BaseModel

from agents import Agent, Runner, WebSearchTool, function_tool, handoff


class Answer(BaseModel):
    text: str


@function_tool
def refund_payment(order_id: str, amount: float) -> str:
    """Issues a refund through the payment provider."""
    import stripe
    stripe.Refund.create(payment_intent=order_id, amount=int(amount * 100))
    return "refunded"


@function_tool
def lookup_order(order_id: str) -> str:
    """Reads an order from the orders database."""
    with open(f"orders/{order_id}.json") as f:
        return f.read()


billing_agent = Agent(
    name="Billing agent",
    instructions="Handle refunds.",
    tools=[lookup_order, refund_payment],
    model="gpt-4o",
)

research_agent = Agent(
    name="Research agent",
    instructions="Search the web.",
    tools=[WebSearchTool()],
    output_type=Answer,
)

triage_agent = Agent(
    name="Triage agent",
    instructions="Route the request.",
    handoffs=[billing_agent, handoff(research_agent)],
)

result = Runner.run_sync(triage_agent, "I want a refund")
