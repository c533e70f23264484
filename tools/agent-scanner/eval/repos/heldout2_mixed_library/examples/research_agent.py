"""A small research agent on textkit's tools. Needs OPENAI_API_KEY and `pip install textkit[agents]`."""
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.tools import ShellTool
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from textkit.agent_tools import summarize_url, word_count

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
tools = [summarize_url, word_count, ShellTool()]

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "You research topics on the web. Use the shell only to save notes."),
        ("human", "{input}"),
        ("placeholder", "{agent_scratchpad}"),
    ]
)

agent = create_tool_calling_agent(llm, tools, prompt)
agent_executor = AgentExecutor(agent=agent, tools=tools, max_iterations=5, handle_parsing_errors=True)

if __name__ == "__main__":
    print(agent_executor.invoke({"input": "Summarise https://example.com and count its words."})["output"])
