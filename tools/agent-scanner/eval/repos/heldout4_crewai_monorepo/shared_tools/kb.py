import os

import chromadb
from crewai.tools import tool

_client = chromadb.PersistentClient(path=os.environ.get("KB_PATH", ".chroma"))


@tool("Knowledge Base Search")
def search_knowledge_base(query: str) -> str:
    """Search the product knowledge base (help articles, runbooks, past release notes)."""
    collection = _client.get_or_create_collection("kb")
    hits = collection.query(query_texts=[query], n_results=4)
    return "\n---\n".join(hits["documents"][0])
