from typing import Type

import chromadb
from crewai.tools import BaseTool
from pydantic import BaseModel, Field


class ArchiveQuery(BaseModel):
    query: str = Field(..., description="What to look for in past issues")


class ArchiveSearchTool(BaseTool):
    name: str = "Archive Search"
    description: str = "Searches past newsletter issues."
    args_schema: Type[BaseModel] = ArchiveQuery

    def _run(self, query: str) -> str:
        client = chromadb.PersistentClient(path="./archive")
        hits = client.get_collection("issues").query(query_texts=[query], n_results=3)
        return "\n---\n".join(hits["documents"][0])
