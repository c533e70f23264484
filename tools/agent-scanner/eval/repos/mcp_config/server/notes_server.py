from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")


@mcp.tool()
def read_note(name: str) -> str:
    """Reads a note file."""
    with open(f"notes/{name}.md") as f:
        return f.read()


@mcp.tool()
def delete_note(name: str) -> str:
    """Deletes a note file."""
    import os
    os.remove(f"notes/{name}.md")
    return "deleted"


if __name__ == "__main__":
    mcp.run()
