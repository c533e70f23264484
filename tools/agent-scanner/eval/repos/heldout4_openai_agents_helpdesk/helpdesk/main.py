import asyncio

from agents import InputGuardrailTripwireTriggered, OutputGuardrailTripwireTriggered, Runner, trace

from helpdesk.assistants import triage_agent


async def main() -> None:
    history = []
    agent = triage_agent
    while True:
        text = input("> ")
        if text in {"quit", "exit"}:
            break
        history.append({"role": "user", "content": text})
        with trace("helpdesk"):
            try:
                result = await Runner.run(agent, history)
            except InputGuardrailTripwireTriggered:
                print("Please don't share bank or social-security numbers here.")
                history.pop()
                continue
            except OutputGuardrailTripwireTriggered:
                print("I can't share that. Please ask People Ops directly.")
                continue
        print(f"[{result.last_agent.name}] {result.final_output}")
        history = result.to_input_list()
        agent = result.last_agent


if __name__ == "__main__":
    asyncio.run(main())
