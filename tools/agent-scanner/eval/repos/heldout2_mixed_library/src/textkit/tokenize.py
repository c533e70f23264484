import re

_WORD = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [m.group(0).lower() for m in _WORD.finditer(text)]


def first_paragraph(text: str) -> str:
    """The first non-empty paragraph of a text."""
    for block in text.split("\n\n"):
        if block.strip():
            return block.strip()
    return ""
