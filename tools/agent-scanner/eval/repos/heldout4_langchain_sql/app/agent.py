from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.tools import RequestsGetTool
from langchain_community.tools.sql_database.tool import InfoSQLDatabaseTool, QuerySQLDatabaseTool
from langchain_community.utilities.requests import TextRequestsWrapper
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from app.db import db
from app.maintenance import archive_stale_orders

SYSTEM = """You answer questions about the shop's orders with SQL ({dialect}).
Look at the table schema first, never SELECT *, and LIMIT results to {top_k} rows.
For prices in other currencies, GET https://api.frankfurter.app/latest?from=EUR."""

llm = ChatOpenAI(model="gpt-4o", temperature=0)

tools = [
    InfoSQLDatabaseTool(db=db),
    QuerySQLDatabaseTool(db=db),
    RequestsGetTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True),
    archive_stale_orders,
]

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", SYSTEM),
        ("human", "{input}"),
        ("placeholder", "{agent_scratchpad}"),
    ]
).partial(dialect=db.dialect, top_k=20)

sql_agent = create_tool_calling_agent(llm, tools, prompt)

agent_executor = AgentExecutor(
    agent=sql_agent,
    tools=tools,
    max_iterations=6,
    early_stopping_method="force",
    return_intermediate_steps=True,
)
