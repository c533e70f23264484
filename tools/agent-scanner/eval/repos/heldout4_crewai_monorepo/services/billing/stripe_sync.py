"""Nightly job: copy yesterday's Stripe invoices into the billing warehouse. Not an agent tool."""
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import stripe

stripe.api_key = os.environ.get("STRIPE_API_KEY", "")


def sync_invoices(db_path: str = "billing.db") -> int:
    since = int((datetime.now(timezone.utc) - timedelta(days=1)).timestamp())
    conn = sqlite3.connect(db_path)
    count = 0
    with conn:
        for inv in stripe.Invoice.list(created={"gte": since}).auto_paging_iter():
            conn.execute(
                "INSERT OR REPLACE INTO invoices (id, customer, total, status) VALUES (?, ?, ?, ?)",
                (inv.id, inv.customer, inv.total, inv.status),
            )
            count += 1
    return count


if __name__ == "__main__":
    print(sync_invoices())
