from crewai import LLM, Agent, Crew, Process, Task

from app.tools.storage import purge_cache
from app.tools.web import fetch_page

fast_llm = LLM(model="groq/llama-3.1-70b-versatile")

crawler = Agent(role="Crawler", goal="Fetch pages", backstory="Quick.", tools=[fetch_page], llm=fast_llm)
maintainer = Agent(role="Maintainer", goal="Keep the cache small", backstory="Tidy.", tools=[purge_cache],
                   llm=fast_llm)

crawl = Task(description="Fetch the pages", expected_output="Pages", agent=crawler)
cleanup = Task(description="Purge the cache", expected_output="Done", agent=maintainer)

ops = Crew(agents=[crawler, maintainer], tasks=[crawl, cleanup], process=Process.sequential, max_rpm=30)
