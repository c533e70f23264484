import os

import psycopg2


def query_metrics(metric: str, days: int = 7) -> str:
    """Returns the daily values of a product metric for the last `days` days."""
    conn = psycopg2.connect(os.environ["WAREHOUSE_DSN"])
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT day, value FROM daily_metrics WHERE name = %s AND day > now() - %s * interval '1 day'",
                (metric, days),
            )
            rows = cur.fetchall()
    finally:
        conn.close()
    return "\n".join(f"{day}: {value}" for day, value in rows)
