"""Ops MCP server: read-only SQL on the ops database, service restarts and log clean-up."""
import glob
import os
import sqlite3
import subprocess
import time

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops")
OPS_DB = os.environ.get("OPS_DB", "/var/lib/ops/ops.db")


@mcp.resource("config://services")
def list_services() -> str:
    """The services this server can restart."""
    return "api, worker, scheduler"


@mcp.tool()
def run_query(sql: str) -> list[tuple]:
    """Run a read-only SQL query on the ops database."""
    conn = sqlite3.connect(f"file:{OPS_DB}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@mcp.tool()
def restart_service(name: str) -> str:
    """Restart one of the platform services."""
    result = subprocess.run(["systemctl", "restart", name], capture_output=True, text=True, timeout=60)
    return result.stdout or result.stderr


@mcp.tool()
def purge_old_logs(days: int = 14) -> str:
    """Delete log files older than `days` days."""
    cutoff = time.time() - days * 86400
    removed = 0
    for path in glob.glob("/var/log/platform/*.log"):
        if os.path.getmtime(path) < cutoff:
            os.remove(path)
            removed += 1
    return f"removed {removed} files"


@mcp.prompt()
def incident_summary(service: str) -> str:
    return f"Summarise the last incident of {service} from the logs."


if __name__ == "__main__":
    mcp.run(transport="stdio")
