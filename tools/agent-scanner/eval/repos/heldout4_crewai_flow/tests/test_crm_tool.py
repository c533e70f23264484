import sqlite3

from lead_flow.tools.crm_tool import CrmLookupTool


def test_lists_open_leads_of_the_segment(tmp_path, monkeypatch):
    db = tmp_path / "crm.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE leads (company TEXT, contact_email TEXT, source TEXT, last_activity TEXT, "
        "segment TEXT, status TEXT)"
    )
    conn.execute("INSERT INTO leads VALUES ('Acme', 'ana@acme.io', 'webinar', '2025-05-01', 'smb', 'open')")
    conn.commit()
    monkeypatch.setenv("CRM_DB_PATH", str(db))
    assert "Acme" in CrmLookupTool()._run(segment="smb")
