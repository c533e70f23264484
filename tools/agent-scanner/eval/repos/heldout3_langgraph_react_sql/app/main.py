import sys

from app.agents_setup import analyst, reporter


def ask(question: str) -> None:
    config = {"configurable": {"thread_id": "cli"}}
    for step in analyst.stream({"messages": [("user", question)]}, config, stream_mode="values"):
        step["messages"][-1].pretty_print()


def nightly() -> None:
    reporter.invoke({"messages": [("user", "Run the nightly report.")]}, {"recursion_limit": 12})


if __name__ == "__main__":
    nightly() if sys.argv[1:] == ["nightly"] else ask(" ".join(sys.argv[1:]))
