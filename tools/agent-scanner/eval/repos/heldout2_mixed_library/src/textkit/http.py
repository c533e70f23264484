import re

import httpx

USER_AGENT = "textkit/1.4 (+https://github.com/example/textkit)"
_TAGS = re.compile(r"<[^>]+>")


def fetch_text(url: str, timeout: float = 10.0) -> str:
    """Downloads a page and strips the HTML tags."""
    resp = httpx.get(url, headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True)
    resp.raise_for_status()
    return _TAGS.sub("", resp.text)
