"""Plain Python functions the AssistantAgents call as tools (AutoGen wraps them in FunctionTool)."""
import csv
import os
import smtplib
import sqlite3
from email.message import EmailMessage

import httpx

EXPORT_DIR = os.environ.get("SALES_EXPORT_DIR", "exports")
WIKI_API = "https://wiki.example.com/rest/api/content"


def load_sales_csv(week: str) -> str:
    """Returns the sales export of an ISO week (e.g. 2025-W18) as CSV text with a header row."""
    with open(os.path.join(EXPORT_DIR, f"sales_{week}.csv"), newline="") as f:
        rows = list(csv.reader(f))
    return "\n".join(",".join(r) for r in rows[:5000])


def query_inventory(sku_prefix: str) -> str:
    """Returns stock on hand and reorder level for the SKUs starting with the prefix."""
    conn = sqlite3.connect("inventory.db")
    try:
        rows = conn.execute(
            "SELECT sku, on_hand, reorder_level FROM stock WHERE sku LIKE ? ORDER BY sku", (f"{sku_prefix}%",)
        ).fetchall()
    finally:
        conn.close()
    return "\n".join(f"{sku}: {on_hand} (reorder at {level})" for sku, on_hand, level in rows)


def send_report_email(subject: str, body: str) -> str:
    """Emails the weekly summary to the sales leadership list."""
    msg = EmailMessage()
    msg["From"] = "analytics-bot@example.com"
    msg["To"] = "sales-leads@example.com"
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(os.environ["SMTP_HOST"]) as smtp:
        smtp.send_message(msg)
    return "sent"


async def publish_to_wiki(title: str, markdown: str) -> str:
    """Publishes the reviewed summary as a wiki page."""
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.post(
            WIKI_API,
            headers={"Authorization": f"Bearer {os.environ['WIKI_TOKEN']}"},
            json={"title": title, "body": markdown, "space": "SALES"},
        )
    return f"published ({resp.status_code})"
