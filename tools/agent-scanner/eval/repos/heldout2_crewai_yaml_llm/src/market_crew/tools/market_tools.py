import os
import sqlite3
from typing import Type

import requests
from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

QUOTE_URL = "https://quotes.example.com/v1/last"


class StockPriceInput(BaseModel):
    """Input schema for StockPriceTool."""

    ticker: str = Field(..., description="Ticker symbol, e.g. NVDA")


class StockPriceTool(BaseTool):
    name: str = "Stock Price Fetcher"
    description: str = "Returns the last traded price and the day's change for a ticker."
    args_schema: Type[BaseModel] = StockPriceInput

    def _run(self, ticker: str) -> str:
        response = requests.get(QUOTE_URL, params={"symbol": ticker}, timeout=10)
        response.raise_for_status()
        quote = response.json()
        return f"{ticker}: {quote['price']} ({quote['change_pct']}%)"


@tool("Portfolio Lookup")
def portfolio_lookup(client_id: str) -> str:
    """Returns the client's positions (ticker, quantity, cost basis)."""
    conn = sqlite3.connect(os.environ.get("PORTFOLIO_DB", "portfolio.db"))
    try:
        rows = conn.execute(
            "SELECT ticker, quantity, cost_basis FROM positions WHERE client_id = ?", (client_id,)
        ).fetchall()
    finally:
        conn.close()
    return "\n".join(f"{t}: {q} @ {c}" for t, q, c in rows)
