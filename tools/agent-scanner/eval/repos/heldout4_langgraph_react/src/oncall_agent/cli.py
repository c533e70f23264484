import sys
import uuid

from langgraph.types import Command

from oncall_agent.agent import oncall_agent


def main() -> None:
    config = {"configurable": {"thread_id": str(uuid.uuid4())}}
    state = oncall_agent.invoke({"messages": [("user", " ".join(sys.argv[1:]))]}, config)
    while oncall_agent.get_state(config).next:
        pending = state["messages"][-1].tool_calls
        print("The agent wants to run:", [(c["name"], c["args"]) for c in pending])
        if input("approve? [y/N] ").strip().lower() != "y":
            print("stopped")
            return
        state = oncall_agent.invoke(Command(resume=True), config)
    print(state["messages"][-1].content)


if __name__ == "__main__":
    main()
