import sys

from infra_crew.crew import incident_crew


def run() -> None:
    incident = " ".join(sys.argv[1:]) or "artifact bucket close to quota"
    result = incident_crew.kickoff(inputs={"incident": incident})
    print(result.raw)


if __name__ == "__main__":
    run()
