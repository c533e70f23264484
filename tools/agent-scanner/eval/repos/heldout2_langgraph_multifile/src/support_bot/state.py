from typing import Annotated, Optional

from langgraph.graph.message import add_messages
from typing_extensions import TypedDict


class SupportState(TypedDict):
    messages: Annotated[list, add_messages]
    customer_email: Optional[str]
    escalated: bool
