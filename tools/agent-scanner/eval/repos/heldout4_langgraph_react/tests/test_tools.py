from oncall_agent.tools import get_deployment_status


def test_tools_have_descriptions():
    assert "error rate" in get_deployment_status.description
