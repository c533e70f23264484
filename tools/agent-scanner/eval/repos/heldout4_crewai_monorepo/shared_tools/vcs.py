import subprocess

from crewai.tools import tool


@tool("Git Log Reader")
def read_git_log(since_tag: str) -> str:
    """The commit subjects and authors since a release tag."""
    out = subprocess.run(
        ["git", "log", f"{since_tag}..HEAD", "--no-merges", "--pretty=format:%h %s (%an)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout
