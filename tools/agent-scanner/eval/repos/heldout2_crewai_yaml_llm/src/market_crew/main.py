#!/usr/bin/env python
import sys
from datetime import date

from market_crew.crew import MarketCrew


def run():
    """Run the crew."""
    inputs = {"sector": "semiconductors", "today": str(date.today())}
    MarketCrew().crew().kickoff(inputs=inputs)


def train():
    """Train the crew for a given number of iterations."""
    try:
        MarketCrew().crew().train(n_iterations=int(sys.argv[1]), filename=sys.argv[2],
                                  inputs={"sector": "semiconductors"})
    except Exception as e:
        raise Exception(f"An error occurred while training the crew: {e}")
