from decimal import ROUND_HALF_UP, Decimal

VAT_RATES = {"DE": Decimal("0.19"), "FR": Decimal("0.20"), "NL": Decimal("0.21")}


def line_total(unit_price: Decimal, quantity: int, discount_pct: Decimal = Decimal(0)) -> Decimal:
    gross = unit_price * quantity
    return (gross * (1 - discount_pct / 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def with_vat(net: Decimal, country: str) -> Decimal:
    return (net * (1 + VAT_RATES.get(country, Decimal(0)))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
