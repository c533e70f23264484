import sqlite3

from langchain_core.tools import tool


@tool
def archive_stale_orders(days: int = 365) -> str:
    """Mark unpaid orders older than `days` days as archived so they leave the open-orders reports."""
    conn = sqlite3.connect("data/orders.db")
    with conn:
        cur = conn.execute(
            "UPDATE orders SET status = 'archived' WHERE status = 'unpaid' AND created_at < date('now', ?)",
            (f"-{days} days",),
        )
    return f"archived {cur.rowcount} orders"
