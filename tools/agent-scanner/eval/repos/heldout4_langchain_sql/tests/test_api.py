from fastapi.testclient import TestClient

from app.api import app


def test_healthz():
    assert TestClient(app).get("/healthz").json() == {"ok": True}
