from agents import Agent
from agents.extensions.handoff_prompt import prompt_with_handoff_instructions

from helpdesk.guardrails import pii_guardrail, salary_leak_guardrail
from helpdesk.tools import (
    get_device_inventory,
    lookup_employee,
    lookup_policy,
    open_it_ticket,
    revoke_access,
)

policy_agent = Agent(
    name="Policy Agent",
    handoff_description="Answers questions about company policies.",
    instructions="Answer from the policy text only and quote the relevant sentence.",
    model="gpt-4.1-mini",
    tools=[lookup_policy],
)

it_support_agent = Agent(
    name="IT Support Agent",
    handoff_description="Laptops, accounts, access rights and IT tickets.",
    instructions="Check the employee's devices first. Revoke access only when the employee's manager asked for it. "
    "Open a ticket for anything you cannot solve.",
    model="gpt-4.1",
    tools=[get_device_inventory, revoke_access, open_it_ticket],
)

people_ops_agent = Agent(
    name="People Ops Agent",
    handoff_description="Leave balance, manager, start date and other HR records.",
    instructions="Look the employee up before answering. Never discuss pay.",
    model="gpt-4.1-mini",
    tools=[lookup_employee],
    output_guardrails=[salary_leak_guardrail],
)

triage_agent = Agent(
    name="Helpdesk Triage",
    instructions=prompt_with_handoff_instructions(
        "Find out what the employee needs and hand the conversation to the right specialist."
    ),
    model="gpt-4.1-mini",
    handoffs=[policy_agent, it_support_agent, people_ops_agent],
    input_guardrails=[pii_guardrail],
)
