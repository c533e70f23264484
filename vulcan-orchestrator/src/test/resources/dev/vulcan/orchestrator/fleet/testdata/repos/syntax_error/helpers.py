def normalize(name: str) -> str:
    return name.strip().lower()
