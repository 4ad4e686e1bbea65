"""The dictionary cache and the look-ups built on it."""
from __future__ import annotations

import pytest

from newsfacts.core import segment


def test_cache_round_trip(tmp_path):
    path = str(tmp_path / "cache.marshal")
    freq = {"普及率": 12, "普": 0, "普及": 40, "达": 900}
    tags = {"普及率": "nz", "普及": "v", "达": "v"}
    segment._write_cache(path, freq, 952, tags)
    assert segment._read_cache(path) == (freq, 952, tags, {"nz": "普及率", "v": "普及\n达"})


def test_cached_tags_hold_the_words_of_the_counts(tmp_path):
    # One copy of each word in memory: the tags table is keyed by the very
    # strings the counts table holds (350,000 of them in jieba's dictionary).
    path = str(tmp_path / "cache.marshal")
    segment._write_cache(path, {"普及率": 12, "普": 0, "普及": 40, "达": 900}, 952, {"普及率": "nz", "达": "v"})
    freq, _, tags, _ = segment._read_cache(path)
    keys = {id(word) for word in freq}
    assert tags and all(id(word) in keys for word in tags)


def test_long_lived_tables_are_out_of_the_collectors_way():
    """The word tables live as long as the process: kept in containers the
    garbage collector does not walk (a dict of strings, a tuple once
    collected), not in sets or lists it walks at every full collection."""
    import gc

    from newsfacts.core import normalize
    from newsfacts.core.context import entities

    tables = [segment.words_tagged("ns"), segment.words_tagged("v"), entities._places_and_orgs(),
              entities._common_function_words(2), normalize._table()]
    gc.collect()
    assert "长沙" in tables[0] and "增长" in tables[1] and len(tables[2]) > len(tables[0])
    assert [gc.is_tracked(table) for table in tables] == [False] * len(tables)


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


# Rows written by hand: names jieba's dictionary does not hold, read by its tagger's HMM.
TAGGED_WRITTEN = [
    ("蒋澎龙改变战术", "蒋澎龙", "nr"),
    ("房企购置土地", "房企", "j"),
]


@pytest.mark.parametrize("text, first, tag", TAGGED_WRITTEN)
def test_tagger_reads_unseen_words(text, first, tag):
    assert segment.tagged(text)[0] == (first, tag)


def test_tagger_gives_the_same_tags_as_jieba_posseg_and_leaves_its_dictionary_alone():
    import jieba

    before = jieba.dt.dictionary
    ours = segment.tagged("今年以来，宁德时代董事长曾毓群的身家增加了495亿美元。")
    assert jieba.dt.dictionary == before
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(segment._tokenizer())
    assert list(ours) == [(word, tag) for word, tag in tagger.cut("今年以来，宁德时代董事长曾毓群的身家增加了495亿美元。")]


def test_jieba_is_loaded_without_pkg_resources_which_stays_importable():
    """jieba imports pkg_resources only to open its dict.txt, a tenth of a
    second of every start; segment imports jieba without it, and the
    process can still import pkg_resources afterwards. In a fresh
    interpreter: this one may have imported pkg_resources already."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from newsfacts.core import segment\n"
        "segment.load()\n"
        "assert segment.is_word('普及率')\n"
        "print('pkg_resources' in sys.modules)\n"
        "import pkg_resources\n"
        "print(pkg_resources.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "pkg_resources"]
