"""Hand-counted: CCN per lizard (1 + if/elif/for/while/except/finally/and/or/case), cognitive per SonarSource."""
import os.path
from collections import OrderedDict as OD
from .helpers import normalize

__all__ = ["grade", "Report"]


# ccn 1 + if + elif + and + elif = 5; cognitive: if +1, elif +1, and +1, elif +1, else +1 = 5
def grade(score, bonus):
    if score > 90:
        return "A"
    elif score > 80 and bonus:
        return "B"
    elif score > 70:
        return "C"
    else:
        return "D"


# ccn 1 + for + if(comprehension) + for(comprehension) + except + finally = 6
# cognitive: for +1, comprehension 0, except +1 (nesting 0... inside for? no, try at top) = 2
def _collect(rows):
    out = []
    for r in rows:
        out.append(r)
    try:
        return [x for x in out if x]
    except ValueError:
        return []
    finally:
        normalize(out)


class Report:
    # ccn 1 + if(conditional expression) + or = 3; cognitive: ternary +1, or +1 = 2
    def title(self, name, default):
        return name if name or default else "untitled"

    # ccn 1 + while + if = 3; cognitive: while +1, if +2 = 3
    def _trim(self, items):
        while items:
            if items[-1]:
                break
            items.pop()
        return self.title(os.path.basename("x"), OD())

    # ccn 1 + case + case = 3; cognitive: match +1 = 1
    def kind(self, value):
        match value:
            case 1:
                return "one"
            case _:
                return "many"


# nested: outer ccn 1 + if = 2, inner ccn 1 + if = 2 (inner measured on its own)
# cognitive: outer if +1 = 1, inner if +1 = 1
def outer(flag):
    def inner(v):
        if v:
            return 1
        return 0
    if flag:
        return inner(flag)
    return 0
