from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain.callbacks import HumanApprovalCallbackHandler
from langchain_community.agent_toolkits import SQLDatabaseToolkit
from langchain_community.tools import ShellTool
from langchain_google_genai import ChatGoogleGenerativeAI

llm = ChatGoogleGenerativeAI(model="gemini-1.5-pro")
shell = ShellTool()
tools = [shell]
agent = create_tool_calling_agent(llm, tools, prompt=None)
runner = AgentExecutor(agent=agent, tools=tools, callbacks=[HumanApprovalCallbackHandler()])
