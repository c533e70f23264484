import sqlite3

from market_crew.tools.market_tools import portfolio_lookup


def test_portfolio_lookup_formats_rows(tmp_path, monkeypatch):
    db = tmp_path / "p.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE positions (client_id TEXT, ticker TEXT, quantity INT, cost_basis REAL)")
    conn.execute("INSERT INTO positions VALUES ('c1', 'NVDA', 10, 100.0)")
    conn.commit()
    monkeypatch.setenv("PORTFOLIO_DB", str(db))
    assert portfolio_lookup.run("c1") == "NVDA: 10 @ 100.0"
