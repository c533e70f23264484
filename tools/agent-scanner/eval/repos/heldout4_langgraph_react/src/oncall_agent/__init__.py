"""On-call assistants built on LangGraph's prebuilt ReAct agent."""
