import shutil

from crewai.tools import tool


@tool("Purge Cache")
def purge_cache(folder: str) -> str:
    """Removes the cache folder."""
    shutil.rmtree(folder)
    return "purged"
