from shared_tools.kb import search_knowledge_base
from shared_tools.tickets import update_ticket
from shared_tools.vcs import read_git_log

__all__ = ["search_knowledge_base", "update_ticket", "read_git_log"]
