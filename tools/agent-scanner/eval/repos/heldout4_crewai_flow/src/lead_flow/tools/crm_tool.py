import os
import sqlite3
from typing import Type

from crewai.tools import BaseTool
from pydantic import BaseModel, Field


class CrmLookupInput(BaseModel):
    """Input schema for CrmLookupTool."""

    segment: str = Field(..., description="Market segment to filter leads on.")


class CrmLookupTool(BaseTool):
    name: str = "CRM Lookup"
    description: str = (
        "Lists the open inbound leads of a segment with company, contact, source and last activity."
    )
    args_schema: Type[BaseModel] = CrmLookupInput

    def _run(self, segment: str) -> str:
        conn = sqlite3.connect(os.getenv("CRM_DB_PATH", "data/crm.sqlite3"))
        try:
            rows = conn.execute(
                "SELECT company, contact_email, source, last_activity FROM leads "
                "WHERE segment = ? AND status = 'open' ORDER BY last_activity DESC LIMIT 25",
                (segment,),
            ).fetchall()
        finally:
            conn.close()
        return "\n".join(" | ".join(str(v) for v in row) for row in rows) or "no open leads"
