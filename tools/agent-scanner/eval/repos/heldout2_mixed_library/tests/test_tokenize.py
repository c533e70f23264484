from textkit import first_paragraph, tokenize


def test_tokenize_lowercases_words():
    assert tokenize("Hello, World") == ["hello", "world"]


def test_first_paragraph_skips_blank_blocks():
    assert first_paragraph("\n\nA b.\n\nC d.") == "A b."


def test_cache_round_trip(cache):
    cache.put("k", "v")
    assert cache.get("k") == "v"
    cache.clear()
    assert cache.get("k") is None
