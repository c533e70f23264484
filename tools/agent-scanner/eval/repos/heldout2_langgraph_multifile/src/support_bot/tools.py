import os

import httpx
import psycopg
import stripe
from langchain_core.tools import tool

HELP_CENTER_URL = "https://help.example.com/api/v2/search"
stripe.api_key = os.environ.get("STRIPE_API_KEY", "")


@tool
def lookup_customer(email: str) -> dict:
    """Fetch the customer's plan, status and last five orders."""
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        customer = conn.execute(
            "SELECT id, plan, status FROM customers WHERE email = %s", (email,)
        ).fetchone()
        orders = conn.execute(
            "SELECT id, total, charge_id FROM orders WHERE customer_id = %s ORDER BY created_at DESC LIMIT 5",
            (customer[0],),
        ).fetchall()
    return {"plan": customer[1], "status": customer[2], "orders": orders}


@tool
def search_help_center(query: str) -> str:
    """Search the public help-center articles."""
    resp = httpx.get(HELP_CENTER_URL, params={"q": query, "per_page": 3}, timeout=10)
    resp.raise_for_status()
    return "\n\n".join(a["snippet"] for a in resp.json()["results"])


@tool
def issue_refund(charge_id: str, amount_cents: int) -> str:
    """Refund (part of) a charge to the customer's card."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id} {refund.status}"


TOOLS = [lookup_customer, search_help_center, issue_refund]
