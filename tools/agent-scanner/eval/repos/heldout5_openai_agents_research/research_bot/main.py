import asyncio
import sys

from agents import Runner, trace
from rich.console import Console

from research_bot.specialists import report_writer

console = Console()


async def research(topic: str) -> None:
    with trace("research brief"):
        result = await Runner.run(report_writer, f"Write a research brief on: {topic}", max_turns=15)
    report = result.final_output
    console.print(f"[bold]{report.title}[/bold]")
    console.print(report.summary)
    for source in report.sources:
        console.print(f"- {source.title}: {source.url}")


if __name__ == "__main__":
    asyncio.run(research(" ".join(sys.argv[1:]) or "solid-state batteries"))
