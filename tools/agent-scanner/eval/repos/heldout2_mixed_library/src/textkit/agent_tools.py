"""LangChain tools over textkit (install the `agents` extra)."""
from langchain_core.tools import tool

from textkit.http import fetch_text
from textkit.tokenize import first_paragraph, tokenize


@tool
def summarize_url(url: str) -> str:
    """Download a web page and return its first paragraph."""
    return first_paragraph(fetch_text(url))


@tool
def word_count(text: str) -> int:
    """Count the words of a text."""
    return len(tokenize(text))
