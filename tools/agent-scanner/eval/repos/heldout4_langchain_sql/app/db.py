import os

from langchain_community.utilities import SQLDatabase

ORDERS_DB_URI = os.environ.get("ORDERS_DB_URI", "sqlite:///data/orders.db")

db = SQLDatabase.from_uri(ORDERS_DB_URI, include_tables=["orders", "customers", "products"], sample_rows_in_table_info=2)
