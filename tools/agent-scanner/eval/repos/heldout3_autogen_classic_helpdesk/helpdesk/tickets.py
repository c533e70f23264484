import os
import sqlite3
from typing import Annotated

DB = os.environ.get("HELPDESK_DB", "helpdesk.db")


def get_ticket(ticket_id: Annotated[int, "ticket number"]) -> str:
    conn = sqlite3.connect(DB)
    row = conn.execute("SELECT id, title, status, body FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    conn.close()
    return str(row)


def close_ticket(ticket_id: Annotated[int, "ticket number"], resolution: str) -> str:
    conn = sqlite3.connect(DB)
    with conn:
        conn.execute("UPDATE tickets SET status = 'closed', resolution = ? WHERE id = ?", (resolution, ticket_id))
    conn.close()
    return f"ticket {ticket_id} closed"
