from pydantic import BaseModel, Field


class Source(BaseModel):
    title: str
    url: str


class ResearchReport(BaseModel):
    title: str
    summary: str = Field(description="Three to five sentence executive summary.")
    markdown_body: str
    sources: list[Source]
    follow_up_questions: list[str]
