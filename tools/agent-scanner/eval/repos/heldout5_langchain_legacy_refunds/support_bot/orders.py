import json
import os
import sqlite3

ORDERS_DB = os.environ.get("ORDERS_DB", "data/orders.db")


def lookup_order(order_id: str) -> str:
    """Return the order, its status and the Stripe charge id as JSON."""
    conn = sqlite3.connect(ORDERS_DB)
    try:
        row = conn.execute(
            "SELECT id, email, status, total_cents, charge_id FROM orders WHERE id = ?",
            (order_id.strip(),),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return f"No order {order_id}"
    keys = ("id", "email", "status", "total_cents", "charge_id")
    return json.dumps(dict(zip(keys, row)))
