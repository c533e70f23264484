from warehouse_mcp import server


def test_list_reports_only_csv(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("x\n1\n")
    (tmp_path / "notes.txt").write_text("ignore")
    monkeypatch.setattr(server, "REPORTS_DIR", tmp_path)
    assert server.list_reports() == ["a.csv"]
