import autogen
from autogen import register_function

from helpdesk.tickets import close_ticket, get_ticket

config_list = autogen.config_list_from_json("OAI_CONFIG_LIST")

assistant = autogen.AssistantAgent(
    name="helpdesk_assistant",
    system_message="You triage helpdesk tickets. Close a ticket only when it is resolved. Reply TERMINATE when done.",
    llm_config={"config_list": config_list, "cache_seed": None},
)

user_proxy = autogen.UserProxyAgent(
    name="user_proxy",
    human_input_mode="NEVER",
    max_consecutive_auto_reply=5,
    is_termination_msg=lambda m: "TERMINATE" in (m.get("content") or ""),
    code_execution_config=False,
)

register_function(get_ticket, caller=assistant, executor=user_proxy, description="Read a ticket.")
register_function(close_ticket, caller=assistant, executor=user_proxy, description="Close a resolved ticket.")


if __name__ == "__main__":
    user_proxy.initiate_chat(assistant, message="Go through ticket 4711 and close it if it is resolved.")
