from support_bot.graph import build_graph


def test_graph_has_the_three_nodes():
    nodes = set(build_graph().get_graph().nodes)
    assert {"agent", "tools", "escalate"} <= nodes
