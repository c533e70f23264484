import shlex
import subprocess

from crewai.tools import tool


@tool("Shell Runner")
def run_shell(command: str) -> str:
    """Run a diagnostic shell command on the build host (df, du, journalctl...) and return its output."""
    completed = subprocess.run(
        shlex.split(command), capture_output=True, text=True, timeout=120, check=False
    )
    output = completed.stdout.strip() or completed.stderr.strip()
    return output[-4000:]
