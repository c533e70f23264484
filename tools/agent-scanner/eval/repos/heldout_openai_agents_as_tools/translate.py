from agents import Agent, GuardrailFunctionOutput, Runner, input_guardrail, function_tool


@input_guardrail
async def no_secrets(ctx, agent, text):
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered="password" in str(text))


@function_tool
def save_translation(text: str) -> str:
    """Writes the translation to disk."""
    with open("out.txt", "w") as f:
        f.write(text)
    return "saved"


spanish_agent = Agent(name="Spanish", instructions="Translate to Spanish.", model="gpt-4o-mini")
french_agent = Agent(name="French", instructions="Translate to French.", model="gpt-4o-mini")

orchestrator = Agent(
    name="Orchestrator",
    instructions="Use the translation tools.",
    tools=[
        spanish_agent.as_tool(tool_name="translate_to_spanish", tool_description="Spanish"),
        french_agent.as_tool(tool_name="translate_to_french", tool_description="French"),
        save_translation,
    ],
    input_guardrails=[no_secrets],
)
