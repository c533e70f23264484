"""Invoice helpers (synthetic evaluation source, hand-counted)."""
from decimal import Decimal
from .rates import lookup as rate_lookup


# ccn 1 + if + for + if(comprehension) + and = 5
# cognitive: if +1, and +1 = 2 (comprehensions are not counted)
def subtotal(lines, discount):
    if discount and discount > 1:
        raise ValueError("discount")
    return sum([l.price for l in lines if l.price > 0]) * (1 - discount)


# ccn 1 + except + except + finally = 4 (try is not counted)
# cognitive: except +1, except +1 = 2
def parse_amount(text):
    try:
        return Decimal(text)
    except ValueError:
        return None
    except TypeError:
        return Decimal(0)
    finally:
        rate_lookup(text)


class Invoice:
    # ccn 1 + while + if + elif + or = 5
    # cognitive: while +1, if +2, or +1, elif +1 = 5
    def settle(self, payments):
        due = self.total()
        while payments:
            p = payments.pop()
            if p.amount > due or p.void:
                continue
            elif p.amount == 0:
                break
            due -= p.amount
        return due

    def total(self):
        return 0

    def _audit(self):
        return self.settle([])
