from textkit.cache import DiskCache
from textkit.http import fetch_text
from textkit.tokenize import first_paragraph, tokenize

__all__ = ["DiskCache", "fetch_text", "first_paragraph", "tokenize"]
__version__ = "1.4.2"
