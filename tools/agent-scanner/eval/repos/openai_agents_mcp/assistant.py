import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio


async def main() -> None:
    async with MCPServerStdio(
        name="git",
        params={"command": "uvx", "args": ["mcp-server-git"]},
    ) as git_server:
        agent = Agent(
            name="Repo assistant",
            instructions="Answer questions about the repository.",
            mcp_servers=[git_server],
            model="o3-mini",
        )
        await Runner.run(agent, "Summarize the last commits")


asyncio.run(main())
