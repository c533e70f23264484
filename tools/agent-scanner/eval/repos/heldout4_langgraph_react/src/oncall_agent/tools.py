import os
import subprocess

import httpx
import psycopg
from langchain_core.tools import tool

DEPLOY_API_URL = os.environ.get("DEPLOY_API_URL", "https://deploy.internal.example.com")


@tool
def get_deployment_status(service: str) -> dict:
    """Current version, rollout state and error rate of a service."""
    resp = httpx.get(f"{DEPLOY_API_URL}/api/v1/services/{service}/status", timeout=10)
    resp.raise_for_status()
    return resp.json()


@tool
def query_incidents(service: str, hours: int = 24) -> list[dict]:
    """Open and recently resolved incidents of a service."""
    with psycopg.connect(os.environ["INCIDENTS_DSN"]) as conn:
        rows = conn.execute(
            "SELECT id, title, severity, opened_at, resolved_at FROM incidents "
            "WHERE service = %s AND opened_at > now() - make_interval(hours => %s) ORDER BY opened_at DESC",
            (service, hours),
        ).fetchall()
    return [
        {"id": r[0], "title": r[1], "severity": r[2], "opened_at": str(r[3]), "resolved_at": str(r[4])}
        for r in rows
    ]


@tool
def rollback_deployment(service: str, revision: int) -> str:
    """Roll a Kubernetes deployment back to an earlier revision."""
    result = subprocess.run(
        ["kubectl", "rollout", "undo", f"deployment/{service}", f"--to-revision={revision}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout or result.stderr
