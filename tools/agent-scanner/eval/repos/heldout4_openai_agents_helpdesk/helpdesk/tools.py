import os
import sqlite3
from pathlib import Path

import httpx
from agents import function_tool

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"


@function_tool
def lookup_policy(topic: str) -> str:
    """Return the company policy on a topic (remote work, travel, expenses, leave...).

    Args:
        topic: One or two words naming the policy.
    """
    path = POLICY_DIR / f"{topic.lower().replace(' ', '_')}.md"
    if not path.exists():
        return f"No policy named '{topic}'."
    with open(path, encoding="utf-8") as f:
        return f.read()


@function_tool
def lookup_employee(email: str) -> dict:
    """Return the employee's department, manager, start date and remaining leave days."""
    conn = sqlite3.connect("hr.db")
    try:
        row = conn.execute(
            "SELECT department, manager_email, start_date, leave_days_left FROM employees WHERE email = ?",
            (email,),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return {"error": "unknown employee"}
    return {"department": row[0], "manager": row[1], "start_date": row[2], "leave_days_left": row[3]}


@function_tool
def get_device_inventory(email: str) -> list[dict]:
    """List the laptops, phones and licences assigned to an employee."""
    conn = sqlite3.connect("assets.db")
    try:
        rows = conn.execute("SELECT asset_tag, kind, model FROM assets WHERE owner = ?", (email,)).fetchall()
    finally:
        conn.close()
    return [{"asset_tag": a, "kind": k, "model": m} for a, k, m in rows]


@function_tool
def revoke_access(email: str, system: str) -> str:
    """Remove an employee's access grant to an internal system."""
    conn = sqlite3.connect("assets.db")
    with conn:
        conn.execute("DELETE FROM access_grants WHERE owner = ? AND system = ?", (email, system))
    return f"access to {system} revoked for {email}"


@function_tool
async def open_it_ticket(summary: str, description: str) -> str:
    """Open a ticket in the IT service desk (Jira) and return its key."""
    async with httpx.AsyncClient(base_url=os.environ["JIRA_BASE_URL"], timeout=15) as client:
        resp = await client.post(
            "/rest/api/3/issue",
            headers={"Authorization": f"Bearer {os.environ['JIRA_TOKEN']}"},
            json={"fields": {"project": {"key": "IT"}, "summary": summary, "description": description,
                             "issuetype": {"name": "Service Request"}}},
        )
    resp.raise_for_status()
    return resp.json()["key"]
