import os

import httpx
import psycopg
from langchain_core.tools import tool
from langchain_tavily import TavilySearch

FINDINGS_DSN = os.environ.get("FINDINGS_DSN", "postgresql://localhost/intel")


@tool
def fetch_filing(url: str) -> str:
    """Download a public company filing (10-K, 10-Q) and return its text."""
    response = httpx.get(url, timeout=30.0, follow_redirects=True,
                         headers={"User-Agent": "market-intel research bot"})
    response.raise_for_status()
    return response.text[:20000]


@tool
def save_finding(company: str, summary: str, source_url: str) -> str:
    """Store a research finding about a company, unless the same source was already recorded."""
    with psycopg.connect(FINDINGS_DSN) as conn:
        existing = conn.execute(
            "SELECT id FROM findings WHERE company = %s AND source_url = %s",
            (company, source_url),
        ).fetchone()
        if existing:
            return f"already recorded as finding {existing[0]}"
        row = conn.execute(
            "INSERT INTO findings (company, summary, source_url) VALUES (%s, %s, %s) RETURNING id",
            (company, summary, source_url),
        ).fetchone()
    return f"recorded finding {row[0]}"


RESEARCH_TOOLS = [TavilySearch(max_results=5), fetch_filing]
RECORD_TOOLS = [save_finding]
