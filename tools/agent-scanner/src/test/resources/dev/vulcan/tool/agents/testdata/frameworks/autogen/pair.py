from autogen import AssistantAgent, UserProxyAgent, register_function


def read_file(path: str) -> str:
    with open(path) as f:
        return f.read()


assistant = AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
user = UserProxyAgent("user", code_execution_config=False)

register_function(read_file, caller=assistant, executor=user, description="Read a file")
user.initiate_chat(assistant, message="Summarize README.md")
