import httpx
from crewai.tools import tool


@tool("Fetch Page")
def fetch_page(url: str) -> str:
    """Downloads a web page."""
    return httpx.get(url, timeout=10).text
