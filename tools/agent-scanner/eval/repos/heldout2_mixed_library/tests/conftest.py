import pytest

from textkit.cache import DiskCache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr("textkit.cache.user_cache_dir", lambda name: str(tmp_path / name))
    return DiskCache("test")
