from langchain.agents import AgentType, initialize_agent
from langchain.tools import tool
from langchain_community.chat_models import ChatOllama


@tool
def transfer_funds(account: str, amount: float) -> str:
    """Transfers money between accounts."""
    return "ok"


@tool
def get_balance(account: str) -> str:
    """Reads the account balance from the ledger database."""
    import sqlite3
    row = sqlite3.connect("ledger.db").execute("SELECT balance FROM accounts WHERE id = ?", (account,)).fetchone()
    return str(row[0])


llm = ChatOllama(model="llama3.1")
treasury_bot = initialize_agent(
    [transfer_funds, get_balance],
    llm,
    agent=AgentType.STRUCTURED_CHAT_ZERO_SHOT_REACT_DESCRIPTION,
    max_iterations=3,
)
