"""The dictionary cache and the look-ups built on it."""
from __future__ import annotations

from newsfacts.core import segment


def test_cache_round_trip(tmp_path):
    path = str(tmp_path / "cache.marshal")
    freq = {"普及率": 12, "普": 0, "普及": 40, "达": 900}
    tags = {"普及率": "nz", "普及": "v", "达": "v"}
    segment._write_cache(path, freq, 952, tags)
    assert segment._read_cache(path) == (freq, 952, tags)


def test_a_broken_cache_is_ignored(tmp_path):
    path = tmp_path / "cache.marshal"
    path.write_bytes(b"not a marshal file")
    assert segment._read_cache(str(path)) is None
    assert segment._read_cache(str(tmp_path / "missing.marshal")) is None


def test_loaded_dictionary_answers_like_jieba():
    import jieba

    reference = jieba.Tokenizer()
    reference.initialize()
    tokenizer = segment._tokenizer()
    for word in ("普及率", "卫生", "醴陵", "增加值", "不是一个词语"):
        assert bool(tokenizer.FREQ.get(word)) == bool(reference.FREQ.get(word))
    assert tokenizer.total == reference.total
    text = "攸县卫生厕所普及率达九成多"
    assert list(tokenizer.cut(text, HMM=False)) == list(reference.cut(text, HMM=False))
    assert segment.tag_of("醴陵") == "ns"
