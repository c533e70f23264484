from langchain.agents import AgentExecutor, create_openai_tools_agent
from langchain_community.tools import DuckDuckGoSearchRun
from langchain_core.prompts import ChatPromptTemplate
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o", temperature=0)
tools = [DuckDuckGoSearchRun(), PythonREPLTool()]
prompt = ChatPromptTemplate.from_messages([("system", "You are a data assistant."), ("human", "{input}")])

data_agent = create_openai_tools_agent(llm, tools, prompt)
executor = AgentExecutor(agent=data_agent, tools=tools, max_iterations=8, verbose=True)
