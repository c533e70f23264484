import autogen

config_list = [{"model": "gpt-4-turbo", "api_key": "sk-not-a-real-key-00000000"}]
llm_config = {"config_list": config_list, "temperature": 0}

user_proxy = autogen.UserProxyAgent(
    name="Admin",
    human_input_mode="TERMINATE",
    code_execution_config={"work_dir": "coding", "use_docker": False},
)
coder = autogen.AssistantAgent(name="Coder", llm_config=llm_config)
critic = autogen.AssistantAgent(name="Critic", llm_config=llm_config, system_message="Review the code.")

groupchat = autogen.GroupChat(agents=[user_proxy, coder, critic], messages=[], max_round=12)
manager = autogen.GroupChatManager(groupchat=groupchat, llm_config=llm_config)

user_proxy.initiate_chat(manager, message="Plot NVDA stock price.")
