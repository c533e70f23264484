import os
import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Type

from crewai.tools import BaseTool
from pydantic import BaseModel, Field

DRAFTS_DIR = Path("output/drafts")


class DraftInput(BaseModel):
    company: str = Field(..., description="Company the draft is for.")
    body: str = Field(..., description="Full email text.")


class DraftSaverTool(BaseTool):
    name: str = "Draft Saver"
    description: str = "Saves an email draft to the drafts folder, replacing any previous draft for the company."
    args_schema: Type[BaseModel] = DraftInput

    def _run(self, company: str, body: str) -> str:
        DRAFTS_DIR.mkdir(parents=True, exist_ok=True)
        path = DRAFTS_DIR / f"{company.lower().replace(' ', '_')}.md"
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        return f"draft saved to {path}"


class EmailInput(BaseModel):
    to: str = Field(..., description="Recipient address.")
    subject: str = Field(..., description="Subject line.")
    body: str = Field(..., description="Plain-text body.")


class EmailSenderTool(BaseTool):
    name: str = "Email Sender"
    description: str = "Sends a plain-text email from the sales mailbox."
    args_schema: Type[BaseModel] = EmailInput

    def _run(self, to: str, subject: str, body: str) -> str:
        msg = EmailMessage()
        msg["From"] = os.environ["SMTP_USER"]
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as smtp:
            smtp.starttls()
            smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            smtp.send_message(msg)
        return f"sent to {to}"
