import sqlite3

from support_bot import orders


def test_lookup_missing_order(tmp_path, monkeypatch):
    db = tmp_path / "orders.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE orders (id TEXT, email TEXT, status TEXT, total_cents INT, charge_id TEXT)")
    conn.commit()
    conn.close()
    monkeypatch.setattr(orders, "ORDERS_DB", str(db))
    assert orders.lookup_order("42") == "No order 42"
