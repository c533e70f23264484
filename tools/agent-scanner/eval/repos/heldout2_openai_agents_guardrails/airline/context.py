from pydantic import BaseModel


class AirlineAgentContext(BaseModel):
    """Context shared by the agents of one conversation."""

    passenger_name: str | None = None
    confirmation_number: str | None = None
    seat_number: str | None = None
    flight_number: str | None = None
