from decimal import Decimal

from services.billing.invoice_math import line_total, with_vat


def test_line_total_applies_discount():
    assert line_total(Decimal("10.00"), 3, Decimal("10")) == Decimal("27.00")


def test_with_vat_unknown_country_is_net():
    assert with_vat(Decimal("100.00"), "US") == Decimal("100.00")
