import asyncio
from datetime import date

from autogen_agentchat.ui import Console

from analytics.teams import analysis_team, model_client, review_team


async def main() -> None:
    week = date.today().strftime("%G-W%V")
    result = await Console(analysis_team.run_stream(task=f"Prepare the sales review for {week}."))
    summary = result.messages[-2].content
    await Console(review_team.run_stream(task=f"Review and publish this summary:\n\n{summary}"))
    await model_client.close()


if __name__ == "__main__":
    asyncio.run(main())
