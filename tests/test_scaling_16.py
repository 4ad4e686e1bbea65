"""Scaling properties of issue 16 (items 4 and 5), by counts, not time:
the output is at most linear in the input however long a sentence is,
and the work per sentence does not grow with the length of its paragraph.

Clauses and sentences are drawn from CLAUSES_ISSUE_16 and
SENTENCES_ISSUE_16 (the issue's reproductions: comma-separated clauses
with no full stop, wire copy of thousands of short sentences, 同期 and 该县
that refer back). Add new shapes of long text there.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts import extract
from newsfacts.core.pipeline import LONGEST_SENTENCE

CLAUSES_ISSUE_16 = [
    "收入3万元", "增长28.5%", "接待游客830万人次", "其中该县增长8%", "同期下降1.2个百分点",
    "耕地2862亩", "90余亿元", "去年投资5亿元", "两三天", "百分之二十",
]
SENTENCES_ISSUE_16 = [
    "2023年全县收入3万元。", "同期收入5万元。", "该县增长8%。", "当时有300多亩低效田。",
    "醴陵市接待游客830万人次。", "其中，增长28.5%。", "去年，攸县投资5亿元。", "全市增长1.2%。",
]


def output_chars(text: str) -> int:
    return sum(len(json.dumps(claim.to_dict(), ensure_ascii=False)) + 1 for claim in extract(text))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(CLAUSES_ISSUE_16), min_size=1, max_size=6))
def test_output_is_at_most_linear_in_the_length_of_a_sentence(clauses):
    clause = "，".join(clauses) + "，"
    times = -(-2 * LONGEST_SENTENCE // len(clause))  # past the window from the start
    once, twice = clause * times, clause * (2 * times)
    # Each claim carrying its whole sentence made this ratio 4 (the square).
    assert output_chars(twice) <= 2.2 * output_chars(once) + 2_000
    assert all(len(claim.sentence) <= LONGEST_SENTENCE + 2 for claim in extract(twice))


@pytest.fixture
def counted(monkeypatch):
    """How often the context step looks at a sentence's times and names."""
    from newsfacts.core.context import scope

    calls = {"n": 0}
    real_times, real_names = scope.Scope.times, scope.Scope.names

    def times(self, index):
        calls["n"] += 1
        return real_times(self, index)

    def names(self, index):
        calls["n"] += 1
        return real_names(self, index)

    try:
        monkeypatch.setattr(scope.Scope, "times", times)
        monkeypatch.setattr(scope.Scope, "names", names)
    except TypeError:
        pytest.skip("the compiled build's classes cannot be patched; the pure-Python run counts")
    extract("2023年该县收入3万元。")
    if not calls["n"]:
        # Compiled, one method calls another directly, not through the class.
        pytest.skip("the compiled build does not count through the patched class; the pure-Python run counts")
    return calls


def looks(counted, text: str) -> int:
    counted["n"] = 0
    extract(text)
    return counted["n"]


# The counter is reset for each text it counts (looks), not per example.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES_ISSUE_16), min_size=20, max_size=60))
def test_work_per_sentence_does_not_grow_with_the_paragraph(counted, sentences):
    # What the second copy of the paragraph adds, against what the third
    # and fourth add: linear work adds twice as much for twice the text,
    # quadratic four times. (Not the totals: 该县 and 全县 look back over up
    # to 20 sentences, scope._ANAPHOR_REACH, which the first sentences of a
    # text cannot, so the totals of a linear cost grow a little faster.)
    paragraph = "".join(sentences)
    once, twice, four = (looks(counted, paragraph * n) for n in (1, 2, 4))
    assert four - twice <= 2.2 * (twice - once) + 50


def test_a_paragraph_of_references_back_is_walked_once(counted):
    # 同期 walked back over every earlier sentence for each claim: n²/2 looks.
    looks_at = {n: looks(counted, "2023年全县收入3万元。" + "同期收入5万元。" * n) for n in (200, 400)}
    assert looks_at[400] <= 2.2 * looks_at[200]
    assert looks_at[400] <= 20 * 400
