import os

import stripe

stripe.api_key = os.environ.get("STRIPE_API_KEY")


def refund_charge(charge_id: str) -> str:
    """Refund a Stripe charge in full and return the refund status."""
    refund = stripe.Refund.create(charge=charge_id.strip(), reason="requested_by_customer")
    return f"refund {refund.id}: {refund.status}"
