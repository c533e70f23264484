"""Warehouse MCP server: read exported reports, query the warehouse, clean the staging table."""
import os
import sqlite3
import time
from pathlib import Path

from mcp.server.fastmcp import FastMCP

WAREHOUSE_DB = os.environ.get("WAREHOUSE_DB", "/srv/analytics/warehouse.db")
REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", "/srv/analytics/reports"))

mcp = FastMCP("warehouse")


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(WAREHOUSE_DB)


@mcp.resource("schema://tables")
def table_schema() -> str:
    """CREATE statements of every warehouse table."""
    with _connect() as conn:
        rows = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'").fetchall()
    return "\n\n".join(row[0] for row in rows)


@mcp.tool()
def list_reports() -> list[str]:
    """List the exported CSV reports."""
    return sorted(name for name in os.listdir(REPORTS_DIR) if name.endswith(".csv"))


@mcp.tool()
def read_report(name: str, max_lines: int = 200) -> str:
    """Return the first lines of an exported CSV report."""
    path = (REPORTS_DIR / name).resolve()
    if REPORTS_DIR.resolve() not in path.parents:
        raise ValueError("report outside the reports folder")
    with open(path, encoding="utf-8") as handle:
        return "".join(handle.readline() for _ in range(max_lines))


@mcp.tool()
def run_sql(query: str, limit: int = 500) -> list[dict]:
    """Run an SQL query against the analytics warehouse and return up to `limit` rows."""
    conn = sqlite3.connect(WAREHOUSE_DB)
    conn.row_factory = sqlite3.Row
    try:
        cursor = conn.execute(query)
        return [dict(row) for row in cursor.fetchmany(limit)]
    finally:
        conn.close()


@mcp.tool()
def purge_staging(older_than_days: int = 7) -> str:
    """Delete staging rows that were loaded more than `older_than_days` days ago."""
    cutoff = int(time.time()) - older_than_days * 86400
    with _connect() as conn:
        deleted = conn.execute("DELETE FROM staging_events WHERE loaded_at < ?", (cutoff,)).rowcount
    return f"deleted {deleted} staging rows"


@mcp.prompt()
def weekly_summary(metric: str) -> str:
    return f"Use run_sql to compute the weekly trend of {metric} and explain the largest change."


def main() -> None:
    mcp.run()


if __name__ == "__main__":
    main()
