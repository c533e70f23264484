import os

import httpx
from crewai.tools import tool


@tool("Ticket Updater")
def update_ticket(ticket_id: int, public_reply: str, tags: str = "") -> str:
    """Post a public reply on a Zendesk ticket and set its tags (comma separated)."""
    url = f"https://{os.environ['ZENDESK_SUBDOMAIN']}.zendesk.com/api/v2/tickets/{ticket_id}.json"
    payload = {"ticket": {"comment": {"body": public_reply, "public": True},
                          "tags": [t.strip() for t in tags.split(",") if t.strip()]}}
    resp = httpx.put(url, json=payload, auth=("bot@acme.example/token", os.environ["ZENDESK_API_TOKEN"]), timeout=15)
    resp.raise_for_status()
    return f"ticket {ticket_id} updated"
