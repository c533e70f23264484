import os

from langchain_community.utilities import SQLDatabase


def warehouse() -> SQLDatabase:
    return SQLDatabase.from_uri(os.environ["WAREHOUSE_URL"], include_tables=["orders", "customers"])
