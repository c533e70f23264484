import sqlite3

from crewai.tools import BaseTool


class CustomerLookupTool(BaseTool):
    name: str = "customer_lookup"
    description: str = "Looks up customer records in the CRM database."

    def _run(self, customer_id: str) -> str:
        conn = sqlite3.connect("crm.db")
        rows = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchall()
        return str(rows)
