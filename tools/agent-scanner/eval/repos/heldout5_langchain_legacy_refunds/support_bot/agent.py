from langchain.agents import AgentType, Tool, initialize_agent
from langchain.callbacks import HumanApprovalCallbackHandler
from langchain.memory import ConversationBufferMemory
from langchain_community.utilities import SerpAPIWrapper
from langchain_openai import ChatOpenAI

from support_bot.orders import lookup_order
from support_bot.payments import refund_charge


def _confirm_refund(_input: str) -> bool:
    answer = input(f"Approve refund for charge {_input}? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


search = SerpAPIWrapper()
llm = ChatOpenAI(model_name="gpt-3.5-turbo", temperature=0)

tools = [
    Tool(
        name="Order Lookup",
        func=lookup_order,
        description="Look up an order by its id. Input: the order id.",
    ),
    Tool(
        name="Search",
        func=search.run,
        description="Search the web for carrier tracking pages or product information.",
    ),
    Tool(
        name="Refund",
        func=refund_charge,
        description="Refund a Stripe charge in full. Input: the charge id from Order Lookup.",
        callbacks=[HumanApprovalCallbackHandler(approve=_confirm_refund)],
    ),
]

memory = ConversationBufferMemory(memory_key="chat_history")

support_agent = initialize_agent(
    tools,
    llm,
    agent=AgentType.CONVERSATIONAL_REACT_DESCRIPTION,
    memory=memory,
    verbose=True,
    handle_parsing_errors=True,
    max_iterations=6,
)
