import hashlib
import shutil
from pathlib import Path

from platformdirs import user_cache_dir


class DiskCache:
    """A tiny content cache under the user's cache directory."""

    def __init__(self, name: str = "textkit") -> None:
        self.root = Path(user_cache_dir(name))
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / hashlib.sha256(key.encode()).hexdigest()

    def get(self, key: str) -> str | None:
        path = self._path(key)
        return path.read_text() if path.exists() else None

    def put(self, key: str, value: str) -> None:
        self._path(key).write_text(value)

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True, exist_ok=True)
