import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio, MCPServerStreamableHttp


async def main(question: str) -> str:
    async with MCPServerStdio(
        name="filesystem",
        params={"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "./docs"]},
        cache_tools_list=True,
    ) as docs_server, MCPServerStreamableHttp(
        name="sentry",
        params={"url": "https://mcp.sentry.dev/mcp"},
    ) as sentry_server:
        assistant = Agent(
            name="Docs assistant",
            instructions="Answer platform questions from the docs folder and recent Sentry issues.",
            mcp_servers=[docs_server, sentry_server],
        )
        result = await Runner.run(assistant, question)
        return result.final_output


if __name__ == "__main__":
    print(asyncio.run(main("Why did the worker crash yesterday?")))
