from langchain.chat_models import init_chat_model
from langchain_community.tools.sql_database.tool import InfoSQLDatabaseTool, QuerySQLDatabaseTool
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

from app.db import warehouse
from app.reporting import email_report

llm = init_chat_model("anthropic:claude-3-5-sonnet-latest", temperature=0)
db = warehouse()

sql_tools = [QuerySQLDatabaseTool(db=db), InfoSQLDatabaseTool(db=db)]

analyst = create_react_agent(
    llm,
    sql_tools,
    prompt="You answer questions about sales with SQL. Only SELECT statements.",
    checkpointer=MemorySaver(),
    interrupt_before=["tools"],
    name="sql_analyst",
)

reporter = create_react_agent(
    llm,
    [QuerySQLDatabaseTool(db=db), email_report],
    prompt="Every night, summarise yesterday's orders and email the summary.",
    name="nightly_reporter",
)
