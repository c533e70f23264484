from fastapi import FastAPI
from pydantic import BaseModel

from app.agent import agent_executor

app = FastAPI(title="orders-analyst")


class Question(BaseModel):
    question: str


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True}


@app.post("/ask")
async def ask(q: Question) -> dict:
    result = await agent_executor.ainvoke({"input": q.question})
    return {"answer": result["output"], "steps": len(result["intermediate_steps"])}
