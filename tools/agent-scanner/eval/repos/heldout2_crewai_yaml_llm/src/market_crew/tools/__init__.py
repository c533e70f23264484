from .market_tools import StockPriceTool, portfolio_lookup

__all__ = ["StockPriceTool", "portfolio_lookup"]
