import os

import requests


def post_to_teams(title: str, text: str) -> str:
    """Posts a card to the product channel in Microsoft Teams."""
    resp = requests.post(os.environ["TEAMS_WEBHOOK_URL"], json={"title": title, "text": text}, timeout=10)
    return "posted" if resp.ok else f"failed: {resp.status_code}"
