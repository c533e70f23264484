import os
from datetime import date, timedelta
from pathlib import Path

import requests
from langchain_anthropic import ChatAnthropic
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

PAGER_LOG_DIR = Path(os.environ.get("PAGER_LOG_DIR", "/var/log/pager"))


@tool
def read_pager_log(day: str = "") -> str:
    """The raw pager log of one day (default: yesterday)."""
    day = day or str(date.today() - timedelta(days=1))
    with open(PAGER_LOG_DIR / f"{day}.log", encoding="utf-8") as f:
        return f.read()[-20000:]


@tool
def post_to_slack(text: str) -> str:
    """Post the digest to the #oncall channel."""
    resp = requests.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": text}, timeout=10)
    return "posted" if resp.ok else f"slack returned {resp.status_code}"


digest_agent = create_react_agent(
    ChatAnthropic(model="claude-3-5-haiku-latest"),
    tools=[read_pager_log, post_to_slack],
    prompt="Summarise yesterday's pages in five bullets and post the digest to Slack.",
)


if __name__ == "__main__":
    digest_agent.invoke({"messages": [("user", "Post the digest for yesterday.")]})
