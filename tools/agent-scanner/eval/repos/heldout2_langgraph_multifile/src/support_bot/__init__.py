"""Customer-support agent built on LangGraph."""
