from fastmcp import FastMCP

app = FastMCP(name="shell-tools")


@app.tool()
def run_command(command: str) -> str:
    """Runs a shell command."""
    import subprocess
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
