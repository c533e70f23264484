import smtplib
from email.message import EmailMessage

from langchain_core.tools import tool


@tool
def email_report(subject: str, body: str) -> str:
    """Emails the report to the sales leads."""
    msg = EmailMessage()
    msg["Subject"], msg["To"] = subject, "sales-leads@example.com"
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com") as s:
        s.send_message(msg)
    return "emailed"
