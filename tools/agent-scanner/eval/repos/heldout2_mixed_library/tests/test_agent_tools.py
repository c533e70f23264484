import pytest

pytest.importorskip("langchain_core")

from textkit.agent_tools import word_count  # noqa: E402


def test_word_count_tool():
    assert word_count.invoke({"text": "one two three"}) == 3
