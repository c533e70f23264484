from langchain_anthropic import ChatAnthropic
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

from oncall_agent.tools import get_deployment_status, query_incidents, rollback_deployment

SYSTEM_PROMPT = (
    "You are the on-call assistant. Check the deployment status and the incidents before you suggest "
    "anything. Only roll back when the error rate rose right after a deploy."
)

model = ChatAnthropic(model="claude-3-7-sonnet-latest", temperature=0)

oncall_agent = create_react_agent(
    model,
    tools=[get_deployment_status, query_incidents, rollback_deployment],
    prompt=SYSTEM_PROMPT,
    checkpointer=MemorySaver(),
    interrupt_before=["tools"],
)
