import os
import smtplib
from email.message import EmailMessage

import requests
from crewai.tools import tool


@tool("publish_post")
def publish_post(title: str, body: str) -> str:
    """Publishes the issue on the blog CMS and returns its URL."""
    resp = requests.post("https://cms.example.com/api/posts",
                         headers={"Authorization": f"Bearer {os.environ['CMS_TOKEN']}"},
                         json={"title": title, "body": body, "status": "published"}, timeout=20)
    return resp.json()["url"]


@tool("send_newsletter")
def send_newsletter(subject: str, html: str) -> str:
    """Sends the issue to the subscriber list."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["To"] = "subscribers@example.com"
    msg.set_content(html, subtype="html")
    with smtplib.SMTP(os.environ["SMTP_HOST"]) as smtp:
        smtp.send_message(msg)
    return "sent"
