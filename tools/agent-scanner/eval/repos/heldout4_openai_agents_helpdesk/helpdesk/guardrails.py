import re

from pydantic import BaseModel

from agents import (
    Agent,
    GuardrailFunctionOutput,
    RunContextWrapper,
    Runner,
    TResponseInputItem,
    input_guardrail,
    output_guardrail,
)

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b")
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")


@input_guardrail
async def pii_guardrail(
    ctx: RunContextWrapper[None], agent: Agent, input: str | list[TResponseInputItem]
) -> GuardrailFunctionOutput:
    text = input if isinstance(input, str) else " ".join(str(i.get("content", "")) for i in input)
    found = bool(_IBAN.search(text) or _SSN.search(text))
    return GuardrailFunctionOutput(output_info={"pii": found}, tripwire_triggered=found)


class LeakCheck(BaseModel):
    reasoning: str
    mentions_salary: bool


leak_check_agent = Agent(
    name="Salary Leak Check",
    instructions="Does this answer reveal the salary or bonus of any person? Answer strictly.",
    model="gpt-4.1-nano",
    output_type=LeakCheck,
)


@output_guardrail
async def salary_leak_guardrail(ctx: RunContextWrapper, agent: Agent, output: str) -> GuardrailFunctionOutput:
    result = await Runner.run(leak_check_agent, output, context=ctx.context)
    check = result.final_output_as(LeakCheck)
    return GuardrailFunctionOutput(output_info=check, tripwire_triggered=check.mentions_salary)
