from market_intel.graph import builder


def test_graph_has_workers():
    assert {"supervisor", "researcher", "recorder"} <= set(builder.nodes)
