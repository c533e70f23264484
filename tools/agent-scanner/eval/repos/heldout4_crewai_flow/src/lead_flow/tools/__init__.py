from .crm_tool import CrmLookupTool
from .outreach_tools import DraftSaverTool, EmailSenderTool

__all__ = ["CrmLookupTool", "DraftSaverTool", "EmailSenderTool"]
