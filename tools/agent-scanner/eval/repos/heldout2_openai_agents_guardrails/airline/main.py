import asyncio
import uuid

from agents import (
    HandoffOutputItem,
    InputGuardrailTripwireTriggered,
    ItemHelpers,
    MessageOutputItem,
    Runner,
    trace,
)

from airline.assistants import triage_agent
from airline.context import AirlineAgentContext


async def main() -> None:
    current_agent = triage_agent
    input_items = []
    context = AirlineAgentContext()
    conversation_id = uuid.uuid4().hex[:16]
    while True:
        user_input = input("Enter your message: ")
        with trace("Customer service", group_id=conversation_id):
            input_items.append({"content": user_input, "role": "user"})
            try:
                result = await Runner.run(current_agent, input_items, context=context)
            except InputGuardrailTripwireTriggered:
                print("Sorry, I can only answer questions about your trip.")
                continue
            for item in result.new_items:
                if isinstance(item, MessageOutputItem):
                    print(f"{item.agent.name}: {ItemHelpers.text_message_output(item)}")
                elif isinstance(item, HandoffOutputItem):
                    print(f"Handed off from {item.source_agent.name} to {item.target_agent.name}")
            input_items = result.to_input_list()
            current_agent = result.last_agent


if __name__ == "__main__":
    asyncio.run(main())
